"""QObject adapters that show the pure-Python packages to QML, one per concern."""
