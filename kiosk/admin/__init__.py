"""kiosk-admin: commands for clinic staff and IT."""
