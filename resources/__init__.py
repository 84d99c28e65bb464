"""Bundled data files (fonts, ...).

A package so that its files can be found from source, an installed wheel and a
PyInstaller build (see app/resources.py).
"""
