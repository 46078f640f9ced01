import { LightningElement } from 'lwc';
import findAccounts from '@salesforce/apex/AccountSearchController.findAccounts';

export default class AccountSearch extends LightningElement {
    name = '';
    result;
    error;

    handleNameChange(event) {
        this.name = event.detail.value;
    }

    handleSearch() {
        return findAccounts({ name: this.name })
            .then((result) => {
                this.result = result;
            })
            .catch((error) => {
                this.error = error;
            });
    }
}
