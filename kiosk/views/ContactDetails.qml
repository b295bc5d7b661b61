pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// The clinic's name, address and phone numbers, with the contact page's words.
ColumnLayout {
    id: details

    required property ContentBridge content
    required property NavigationBridge navigation

    readonly property var page: content.page(content.contactPageId)

    spacing: Theme.spacing

    ScreenTitle {
        Layout.fillWidth: true
        text: details.page.title || "Contact us"
    }
    HeadingText {
        Layout.fillWidth: true
        text: details.content.clinicName
    }
    BodyText {
        objectName: "clinicAddress"
        Layout.fillWidth: true
        text: details.content.clinicAddress
    }
    Repeater {
        model: details.content.clinicPhones
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
    BodyText {
        Layout.fillWidth: true
        visible: details.content.clinicHours !== ""
        text: details.content.clinicHours
    }
    KeyPointsBox {
        Layout.fillWidth: true
        Layout.maximumWidth: Theme.readingWidth
        points: details.page.keyPoints || []
    }
    PageBlocks {
        Layout.fillWidth: true
        Layout.maximumWidth: Theme.readingWidth
        model: details.page.blocks || []
        baseUrl: details.content.baseUrl
        navigation: details.navigation
    }
    NoticeBox {
        objectName: "crisisLine"
        Layout.fillWidth: true
        text: details.content.crisisText
    }
}
