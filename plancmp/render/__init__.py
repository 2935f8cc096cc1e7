"""Renderers: data in, text out. No loading, no comparing here."""
