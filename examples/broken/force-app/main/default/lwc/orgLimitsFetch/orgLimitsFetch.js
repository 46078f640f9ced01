import { LightningElement } from 'lwc';

export default class OrgLimitsFetch extends LightningElement {
    limits;

    async connectedCallback() {
        const response = await fetch('/services/data/v58.0/limits'); // want@32 lwc/direct-api-call
        this.limits = await response.json();
    }
}
