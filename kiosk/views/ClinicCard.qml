pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// How to reach the clinic: its name, address, phone numbers and hours, with a QR code
// that saves them to a patient's phone beside them, or below them when there is no room.
// Beside, the code is in view without scrolling on the Contact screen in both orientations.
GridLayout {
    id: card

    required property ContentBridge content

    // The words need the widest phone number (it never wraps), or room for the address
    // to wrap in a few lines, whichever is wider.
    readonly property real wordsWidth: Math.max(phones.implicitWidth, Theme.contactWordsWidth)

    columns: width >= wordsWidth + columnSpacing + code.implicitWidth ? 2 : 1
    columnSpacing: Theme.spacing
    rowSpacing: Theme.spacing

    ColumnLayout {
        Layout.alignment: Qt.AlignTop
        Layout.fillWidth: true
        spacing: Theme.spacing

        HeadingText {
            Layout.fillWidth: true
            text: card.content.clinicName
        }
        BodyText {
            objectName: "clinicAddress"
            Layout.fillWidth: true
            text: card.content.clinicAddress
        }
        ColumnLayout {
            id: phones
            spacing: Theme.spacing
            Repeater {
                model: card.content.clinicPhones
                Row {
                    id: phoneRow
                    required property string modelData
                    spacing: Theme.spacing / 2
                    Image {
                        source: Theme.icon("phone", false)
                        sourceSize: Qt.size(Theme.phoneIcon, Theme.phoneIcon)
                        anchors.verticalCenter: parent.verticalCenter
                    }
                    HeadingText {
                        objectName: "clinicPhone"
                        text: phoneRow.modelData
                        wrapMode: Text.NoWrap
                    }
                }
            }
        }
        BodyText {
            Layout.fillWidth: true
            visible: card.content.clinicHours !== ""
            text: card.content.clinicHours
        }
    }
    QrCode {
        id: code
        objectName: "clinicQr"
        Layout.alignment: Qt.AlignTop
        Layout.fillWidth: card.columns === 1
        content: card.content
        value: card.content.clinicCard
        label: qsTr("Scan to save our phone number")
        //: %1 is the clinic's name
        description: qsTr("QR code: saves %1's address and phone numbers to your phone")
                     .arg(card.content.clinicName)
    }
}
