"""The parts of build_installer.py that grew past a module: the licences of the build."""
