"""The kiosk's health: for staff on screen, for IT at a console, for a fleet's monitoring."""
