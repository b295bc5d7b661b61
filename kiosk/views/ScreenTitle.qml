import QtQuick

// The large heading at the top of a screen.
Text {
    textFormat: Text.PlainText  // words from a bundle are never markup; rich text says so
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    font.pixelSize: Theme.titleFont
    font.bold: true
    color: Theme.ink
    Accessible.role: Accessible.Heading
}
