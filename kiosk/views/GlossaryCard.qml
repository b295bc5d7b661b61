import QtQuick
import QtQuick.Layouts
import Kiosk

// A glossary word's card, over the page: the word, what it means in plain words,
// "Listen" and Close. Modal for touch and keyboard: the focus moves to Close and
// stays inside. Close, a tap beside the card and Escape close it; so does every
// move and every reset, since the navigation forgets the open word.
Rectangle {
    id: overlay

    required property ContentBridge content
    required property NavigationBridge navigation
    required property SpeechBridge speech

    readonly property var entry: navigation.term !== "" ? content.term(navigation.term) : ({})
    readonly property string term: entry.term || ""
    readonly property string definition: entry.definition || ""
    property Item before: null  // where the focus was; it goes back there

    objectName: "glossaryCard"
    visible: term !== ""
    color: Theme.cardScrim

    onVisibleChanged: {
        if (visible) {
            before = Window.activeFocusItem
            closeButton.forceActiveFocus(Qt.OtherFocusReason)
        } else if (before) {
            if (before.visible)
                before.forceActiveFocus(Qt.OtherFocusReason)
            before = null
        }
    }
    Keys.onEscapePressed: overlay.navigation.closeTerm()
    FocusTrap { scope: overlay }  // Tab goes round Listen, its pace and Close

    // Nothing under the card can be touched or scrolled; a tap beside it closes it.
    MouseArea {
        anchors.fill: parent
        onClicked: (mouse) => {
            if (!card.contains(mapToItem(card, mouse.x, mouse.y)))
                overlay.navigation.closeTerm()
        }
        onWheel: (wheel) => { wheel.accepted = true }
    }

    Rectangle {
        id: card
        objectName: "glossaryCardBox"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.glossaryCardWidth)
        height: Math.min(parent.height - 2 * Theme.margin, column.implicitHeight + 2 * Theme.margin)
        radius: Theme.radius
        color: Theme.surface
        border.width: Theme.line
        border.color: Theme.accent
        Accessible.role: Accessible.Dialog
        Accessible.name: overlay.term
        Accessible.description: overlay.definition

        ColumnLayout {
            id: column
            anchors { fill: parent; margins: Theme.margin }
            spacing: Theme.spacing

            Flickable {
                id: words
                Layout.fillWidth: true
                Layout.fillHeight: true
                implicitHeight: wordsColumn.implicitHeight
                contentHeight: wordsColumn.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ColumnLayout {
                    id: wordsColumn
                    width: words.width
                    spacing: Theme.spacing
                    Caption {
                        Layout.fillWidth: true
                        text: qsTr("What this word means")
                    }
                    HeadingText {
                        objectName: "glossaryTerm"
                        Layout.fillWidth: true
                        text: overlay.term
                        font.pixelSize: Theme.titleFont
                    }
                    BodyText {
                        objectName: "glossaryDefinition"
                        Layout.fillWidth: true
                        text: overlay.definition
                        font.pixelSize: Theme.headingFont
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                // Listen reads the word and what it means; with no voice on this kiosk
                // the slot stays empty and keeps Close at the right.
                Item {
                    id: listenSlot
                    objectName: "glossaryListenSlot"
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    implicitHeight: listen.visible ? listen.implicitHeight : Theme.touchTarget
                    ListenBar {
                        id: listen
                        width: parent.width
                        speech: overlay.speech
                        key: "term:" + overlay.term
                        sentences: [overlay.term, overlay.definition]
                    }
                }
                KioskButton {
                    id: closeButton
                    objectName: "glossaryClose"
                    Layout.preferredHeight: Theme.touchTarget * 1.25
                    Layout.preferredWidth: Math.max(implicitWidth, Theme.closeButtonWidth)
                    primary: true
                    //: Button: close the card that says what a word means
                    text: qsTr("Close")
                    onClicked: overlay.navigation.closeTerm()
                }
            }
        }
    }
}
