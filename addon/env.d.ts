// The Apps Script services the add-on calls (SpreadsheetApp, PropertiesService, …), as globals.
/// <reference types="google-apps-script" />
