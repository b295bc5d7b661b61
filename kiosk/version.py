"""This app's version: one number for the build (pyproject.toml reads it from here, so the
package metadata says the same) and for the checks, known without reading that metadata."""

APP_VERSION = "0.1.0"
