pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic

// The kiosk's own keyboard: letters (with shift and accents), an email layout
// and a phone keypad. It types into `target`, offers no predictions and keeps
// nothing of what was typed. A touch never moves the focus to a key; a keyboard
// or switch user gets to the keys with Enter in a text box (focusFirstKey), moves
// among them with Tab, presses with Enter or Space, and goes back with Escape.
Rectangle {
    id: keyboard

    property var target: null  // a TextField or TextArea
    readonly property string layout: target && target.keyboardLayout ? target.keyboardLayout
                                                                      : "letters"
    property bool shifted: false
    property bool accents: false

    signal doneRequested()

    function focusFirstKey() {
        keyboard.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
    }
    Keys.onEscapePressed: if (target) target.forceActiveFocus(Qt.TabFocusReason)

    readonly property var letterRows: [
        accents ? ["á", "é", "í", "ó", "ú", "ñ", "ü", "'", "-", "#back"]
                : ["q", "w", "e", "r", "t", "y", "u", "i", "o", "p"],
        ["a", "s", "d", "f", "g", "h", "j", "k", "l", "'"],
        ["#shift", "z", "x", "c", "v", "b", "n", "m", "-", "#back"],
        ["#accents", "#space", ".", ",", "#done"]
    ]
    readonly property var emailRows: [
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"],
        ["q", "w", "e", "r", "t", "y", "u", "i", "o", "p"],
        ["a", "s", "d", "f", "g", "h", "j", "k", "l", "#back"],
        ["z", "x", "c", "v", "b", "n", "m", "_", "-", "."],
        ["@", "#com", "#done"]
    ]
    readonly property var phoneRows: [
        ["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"], ["#back", "0", "#done"]
    ]
    readonly property var rows: layout === "phone" ? phoneRows
                              : layout === "email" ? emailRows : letterRows
    readonly property int columns: layout === "phone" ? 3 : 10  // keys in a row: a count, not a size
    readonly property int keySpacing: Theme.keyGap
    readonly property real keyWidth: Math.min(
        (Math.min(width, Theme.keyboardWidth) - 2 * Theme.spacing - (columns - 1) * keySpacing)
            / columns,
        layout === "phone" ? Theme.padKeyMaxWidth : Theme.keyMaxWidth)
    readonly property int keyHeight: Theme.keyHeight

    objectName: "keyboard"
    implicitHeight: keys.implicitHeight + 2 * Theme.spacing
    color: Theme.keyboardPanel

    Rectangle { width: parent.width; height: Theme.line; color: Theme.border }

    function label(key) {
        switch (key) {
        //: Keyboard key: the next letter is a capital
        case "#shift": return qsTr("Shift")
        //: Keyboard key: erase the letter before the cursor
        case "#back": return qsTr("Delete")
        case "#accents": return accents ? "abc" : "á é ñ"
        //: Keyboard key: the space bar
        case "#space": return qsTr("Space")
        //: Keyboard key: close the keyboard
        case "#done": return qsTr("Done")
        case "#com": return ".com"
        default: return shifted ? key.toUpperCase() : key
        }
    }

    function span(key) {
        switch (key) {
        case "#space": return layout === "letters" ? 5 : 1
        case "#done": return layout === "letters" ? 2 : (layout === "email" ? 3 : 1)
        case "#com": return 2
        case "#accents": return 1
        default: return 1
        }
    }

    function press(key) {
        if (!target)
            return
        switch (key) {
        case "#shift": shifted = !shifted; return
        case "#accents": accents = !accents; return
        case "#done": doneRequested(); return
        case "#back": erase(); return
        case "#space": type(" "); return
        case "#com": type(".com"); return
        default:
            type(shifted ? key.toUpperCase() : key)
            shifted = false
        }
    }

    function type(text) {
        if (target.selectedText.length > 0)
            target.remove(target.selectionStart, target.selectionEnd)
        target.insert(target.cursorPosition, text)
    }

    function erase() {
        if (target.selectedText.length > 0)
            target.remove(target.selectionStart, target.selectionEnd)
        else if (target.cursorPosition > 0)
            target.remove(target.cursorPosition - 1, target.cursorPosition)
    }

    function reset() {
        shifted = false
        accents = false
    }

    onTargetChanged: reset()

    Column {
        id: keys
        anchors.horizontalCenter: parent.horizontalCenter
        y: Theme.spacing
        spacing: keyboard.keySpacing

        Repeater {
            model: keyboard.rows
            Row {
                id: keyRow
                required property var modelData
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: keyboard.keySpacing

                Repeater {
                    model: keyRow.modelData
                    Button {
                        id: key
                        required property string modelData
                        readonly property bool special: modelData.charAt(0) === "#"
                                                        && modelData.length > 1
                        readonly property bool active: (modelData === "#shift" && keyboard.shifted)
                                                       || (modelData === "#accents" && keyboard.accents)
                        objectName: "key_" + modelData
                        width: keyboard.keyWidth * keyboard.span(modelData)
                               + keyboard.keySpacing * (keyboard.span(modelData) - 1)
                        height: keyboard.keyHeight
                        focusPolicy: Qt.TabFocus  // never a touch: the text box keeps it
                        text: keyboard.label(modelData)
                        Accessible.name: modelData === "#back" ? qsTr("Delete") : text
                        Keys.onReturnPressed: click()
                        Keys.onEnterPressed: click()
                        onClicked: keyboard.press(modelData)

                        contentItem: ButtonLabel {
                            text: key.text
                            font.pixelSize: key.special ? Theme.keyWordFont : Theme.keyFont
                            font.bold: key.special
                            color: key.active || key.modelData === "#done" ? Theme.accentInk
                                                                            : Theme.ink
                        }
                        background: Rectangle {
                            radius: Theme.keyRadius
                            color: key.down ? Theme.pressed
                                 : (key.active || key.modelData === "#done") ? Theme.accent
                                 : Theme.surface
                            border.width: Theme.lineThin
                            border.color: Theme.controlBorder
                            FocusRing { shown: key.visualFocus; cornerRadius: Theme.keyRadius }
                        }
                    }
                }
            }
        }
    }
}
