import QtQuick

// Smaller, quieter text: a field's label, a count, a note under something.
Text {
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    font.pixelSize: Theme.smallFont
    color: Theme.muted
}
