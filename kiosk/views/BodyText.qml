import QtQuick

// Text to read: the body size, the ink colour, wrapped at words.
Text {
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    font.pixelSize: Theme.bodyFont
    color: Theme.ink
}
