import { LightningElement, api, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { refreshApex } from '@salesforce/apex';
import getItems from '@salesforce/apex/ItemController.getItems';
import saveItem from "@salesforce/apex/acme.ItemController.saveItem";
import startLookup from '@salesforce/apexContinuation/LookupController.startLookup';
import USER_ID from '@salesforce/user/Id';

// Older versions called fetch('/services/data/v50.0/sobjects') directly.
const API_VERSION = 'v66.0';
const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const QUOTES = /["'`]/g; // strip quotes, then // comments are safe

/**
 * Shows the items of a record. import x from '@salesforce/apex/Not.real'
 */
export default class ItemList extends LightningElement {
    @api recordId;
    items = [];

    @wire(getItems, { recordId: '$recordId' })
    wiredItems(result) {
        this.wired = result;
    }

    get ratio() {
        return this.items.length / 2 / (this.total || 1);
    }

    async loadLimits() {
        const url = `/services/data/${API_VERSION}/limits`;
        const res = await fetch(url, { headers: { Authorization: 'Bearer ' + this.token } });
        return res.json();
    }

    async loadItem(id) {
        if (!ID_PATTERN.test(id)) /'/.test(id);
        const res = await window.fetch('/services/apexrest/items/' + id);
        return res.ok;
    }

    track(event) {
        navigator.sendBeacon(`https://telemetry.example.com/e`, JSON.stringify(event));
    }

    legacy() {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', '/services/data/v66.0/query?q=SELECT+Id+FROM+Item__c');
        xhr.send();
    }

    async save() {
        await saveItem({ item: this.item, owner: USER_ID });
        this.dispatchEvent(new ShowToastEvent({ title: 'Saved', message: `${this.items.length} items` }));
        return refreshApex(this.wired);
    }
}
