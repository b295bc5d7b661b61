import QtQuick

// Machine text for staff and IT (the log, settings problems): fixed width, broken anywhere.
Text {
    textFormat: Text.PlainText  // words from a bundle are never markup; rich text says so
    Accessible.role: Accessible.StaticText
    Accessible.name: text
    wrapMode: Text.WrapAnywhere
    font.family: Theme.monoFamily
    font.pixelSize: Theme.logFont
    color: Theme.ink
}
