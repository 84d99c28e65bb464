"""Agency service (全程代办): staff carry a case for an applicant who cannot, with the
applicant's written authorisation, recording every step and every contact."""
