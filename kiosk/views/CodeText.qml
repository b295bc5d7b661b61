import QtQuick

// Machine text for staff and IT (the log, settings problems): fixed width, broken anywhere.
Text {
    wrapMode: Text.WrapAnywhere
    font.family: Theme.monoFamily
    font.pixelSize: Theme.logFont
    color: Theme.ink
}
