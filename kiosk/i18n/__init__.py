"""The kiosk's own words (buttons, messages, form errors) in each language it speaks."""
