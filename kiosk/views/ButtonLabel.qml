import QtQuick

// A button's words: bold, at the button size, centred in the button.
Text {
    textFormat: Text.PlainText  // words from a bundle are never markup; rich text says so
    Accessible.ignored: true  // the button itself carries the name
    horizontalAlignment: Text.AlignHCenter
    verticalAlignment: Text.AlignVCenter
    font.family: Theme.fontFamily
    font.pixelSize: Theme.buttonFont
    font.bold: true
    color: Theme.ink
}
