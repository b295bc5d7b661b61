import QtQuick

// The large heading at the top of a screen. With `announce`, it takes the focus
// when it appears, so a screen reader says where the patient now is, and Tab
// goes on from the top of the screen.
Text {
    property bool announce: false

    function takeFocus() { forceActiveFocus(Qt.OtherFocusReason) }

    Component.onCompleted: if (announce) takeFocus()
    textFormat: Text.PlainText  // words from a bundle are never markup; rich text says so
    Accessible.name: text
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    font.pixelSize: Theme.titleFont
    font.bold: true
    color: Theme.ink
    Accessible.role: Accessible.Heading
}
