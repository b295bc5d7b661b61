"""Contact requests: validated, sealed to the clinic's key, stored so none is lost."""
