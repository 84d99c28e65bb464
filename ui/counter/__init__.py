"""受理台: the counter's checklist screen (accept, one-time notice, refusal, return visits)."""

from ui.counter.page import CounterPage

__all__ = ["CounterPage"]
