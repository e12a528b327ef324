"""The real-browser quality suite (a package, so its conftest does not shadow tests/conftest.py)."""
