import QtQuick

// Large centred text that does not grow with textScale: the attract and fallback screens.
Text {
    horizontalAlignment: Text.AlignHCenter
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    color: Theme.accentInk
}
