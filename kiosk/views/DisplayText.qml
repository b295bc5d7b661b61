import QtQuick

// Large centred text that does not grow with textScale: the attract and fallback screens.
Text {
    textFormat: Text.PlainText  // words from a bundle are never markup; rich text says so
    Accessible.role: Accessible.StaticText
    Accessible.name: text
    horizontalAlignment: Text.AlignHCenter
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    color: Theme.accentInk
}
