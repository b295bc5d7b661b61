"""What patients use, counted per day on the kiosk, in a way that cannot identify one."""
