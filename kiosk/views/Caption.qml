import QtQuick

// Smaller, quieter text: a field's label, a count, a note under something.
Text {
    textFormat: Text.PlainText  // words from a bundle are never markup; rich text says so
    Accessible.role: Accessible.StaticText
    Accessible.name: text
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    font.pixelSize: Theme.smallFont
    color: Theme.muted
}
