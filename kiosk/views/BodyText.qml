import QtQuick

// Text to read: the body size, the ink colour, wrapped at words.
Text {
    textFormat: Text.PlainText  // words from a bundle are never markup; rich text says so
    Accessible.role: Accessible.StaticText
    Accessible.name: text  // Qt Quick exposes a Text to screen readers only with a name
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    font.pixelSize: Theme.bodyFont
    color: Theme.ink
}
