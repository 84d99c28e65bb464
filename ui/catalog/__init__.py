"""Catalog screens: the administrator's page, the item editor, and the reusable ItemFinder."""

from ui.catalog.editor import ItemEditor
from ui.catalog.finder import ItemFinder
from ui.catalog.page import CatalogPage

__all__ = ["CatalogPage", "ItemEditor", "ItemFinder"]
