import QtQuick

// A heading inside a screen (the screen's own title is ScreenTitle).
Text {
    textFormat: Text.PlainText  // words from a bundle are never markup; rich text says so
    Accessible.name: text
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    font.pixelSize: Theme.headingFont
    font.bold: true
    color: Theme.ink
    Accessible.role: Accessible.Heading
}
