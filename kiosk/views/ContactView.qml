import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// How to reach the clinic, for the tour's last step: the details, and a way
// on to the request form when the kiosk has one.
Flickable {
    id: view

    required property ContentBridge content
    required property NavigationBridge navigation
    required property ContactFormBridge form
    required property SpeechBridge speech

    objectName: "contactView"
    clip: true
    contentWidth: width
    contentHeight: column.implicitHeight + 2 * Theme.margin
    flickableDirection: Flickable.VerticalFlick
    boundsBehavior: Flickable.StopAtBounds

    ScrollBar.vertical: PageScrollBar { flickable: view }

    ColumnLayout {
        id: column
        width: Math.min(view.width - 2 * Theme.margin, Theme.readingWidth)
        x: (view.width - width) / 2
        y: Theme.margin
        spacing: Theme.spacing

        ContactDetails {
            Layout.fillWidth: true
            content: view.content
            navigation: view.navigation
            speech: view.speech
        }
        KioskButton {
            objectName: "openForm"
            Layout.fillWidth: true
            visible: view.form.available
            primary: true
            text: qsTr("Ask us to contact you")
            iconName: "next"
            onClicked: view.navigation.openContact()
        }
    }
}
