import { LightningElement, wire } from 'lwc';
import getRows from '@salesforce/apex/MissingController.getRows'; // want@21 lwc/unknown-apex-method

export default class MissingApexImport extends LightningElement {
    @wire(getRows)
    rows;
}
