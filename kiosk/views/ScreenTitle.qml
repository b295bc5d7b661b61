import QtQuick

// The large heading at the top of a screen.
Text {
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    font.pixelSize: Theme.titleFont
    font.bold: true
    color: Theme.ink
    Accessible.role: Accessible.Heading
}
