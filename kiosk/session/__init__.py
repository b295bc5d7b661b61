"""A patient's session: where they are, how they got there, and forgetting it all."""
