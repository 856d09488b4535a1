"""The PySide6 counter GUI."""
