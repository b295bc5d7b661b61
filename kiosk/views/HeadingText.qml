import QtQuick

// A heading inside a screen (the screen's own title is ScreenTitle).
Text {
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    font.pixelSize: Theme.headingFont
    font.bold: true
    color: Theme.ink
    Accessible.role: Accessible.Heading
}
