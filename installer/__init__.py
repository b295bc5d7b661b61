"""The parts of build_installer.py that grew past a module: the licences of the build, its
outputs besides the app folder, and the proof that the build works; the PyInstaller spec
template (kiosk.spec.in)."""
