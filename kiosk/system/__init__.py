"""What the kiosk needs from the operating system: service notifications and logs."""
