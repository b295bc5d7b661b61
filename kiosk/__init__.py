"""Offline patient-education kiosk for pain clinics."""
