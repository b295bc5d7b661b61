import QtQuick

// The bold title of a topic tile or of a page in a topic's list (not a heading).
Text {
    textFormat: Text.PlainText  // words from a bundle are never markup; rich text says so
    Accessible.role: Accessible.StaticText
    Accessible.name: text
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    font.pixelSize: Theme.cardTitleFont
    font.bold: true
    color: Theme.ink
}
