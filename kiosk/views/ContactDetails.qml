pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// The clinic's name, address and phone numbers, with the contact page's words.
ColumnLayout {
    id: details

    required property ContentBridge content
    required property NavigationBridge navigation
    required property SpeechBridge speech

    readonly property var page: content.page(content.contactPageId)

    spacing: Theme.spacing

    ScreenTitle {
        Layout.fillWidth: true
        announce: true
        //: Title of the Contact screen, when the clinic's content gives it none
        text: details.page.title || qsTr("Contact us")
    }
    ListenBar {
        Layout.fillWidth: true
        Layout.maximumWidth: Theme.readingWidth
        speech: details.speech
        key: "contact"
        sentences: details.content.contactSpoken
    }
    ClinicCard {
        Layout.fillWidth: true
        Layout.maximumWidth: Theme.readingWidth
        content: details.content
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
    PageTerms {
        Layout.fillWidth: true
        Layout.maximumWidth: Theme.readingWidth
        terms: details.page.terms || []
        navigation: details.navigation
    }
    NoticeBox {
        objectName: "crisisLine"
        Layout.fillWidth: true
        text: details.content.crisisText
    }
    BodyText {
        Layout.fillWidth: true
        text: details.content.disclaimer
        font.bold: true
    }
    Caption {
        objectName: "contactReviewed"
        Layout.fillWidth: true
        visible: text !== ""
        text: details.page.reviewed || ""
    }
}
