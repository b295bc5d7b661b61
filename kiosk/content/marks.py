"""Python-Markdown's placeholder characters, here so that what only reads a page's words
need not import Markdown (the kiosk starts without it); a test holds them to
`markdown.util`'s."""

STX = "\u0002"  # starts a placeholder Markdown puts in a text, to put something back later
ETX = "\u0003"  # ends it
AMP_SUBSTITUTE = f"{STX}amp{ETX}"  # Markdown's stand-in for "&" in an encoded e-mail link
