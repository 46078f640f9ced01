package synth

import (
	"fmt"
	"strings"
)

// writeComponents writes Lightning web component bundles: the JavaScript
// wires a controller's getRecords, the template shows the records in a
// datatable, and the bundle file copies a retrieved one.
func (g *generator) writeComponents() error {
	if len(g.controllers) == 0 {
		return nil
	}
	for i := range g.plan.bundles {
		r := g.rng(streamComponents, i)
		c := g.classes[g.controllers[i%len(g.controllers)]]
		o := g.objects[c.object]
		// Named after the controller, which is unique; a controller feeds
		// more than one component only when there are more components.
		name := lowerFirst(strings.Replace(c.name, "Controller", "List", 1))
		if round := i / len(g.controllers); round > 0 {
			name += fmt.Sprint("V", round+1)
		}
		dir := source + "/lwc/" + name + "/"
		f := o.fields[r.IntN(len(o.fields))]
		files := []struct{ path, data string }{
			{dir + name + ".js", fmt.Sprintf(componentJS, c.name, label(f.name), f.name,
				strings.ToUpper(name[:1])+name[1:], 10+5*r.IntN(5))},
			{dir + name + ".html", fmt.Sprintf(componentHTML, label(o.name), 1+r.IntN(100))},
			{dir + name + ".css", componentCSS},
			{dir + name + ".js-meta.xml", componentMeta},
		}
		for _, f := range files {
			if err := g.w.write(f.path, []byte(f.data)); err != nil {
				return err
			}
		}
	}
	return nil
}

const componentJS = `import { LightningElement, api, wire } from 'lwc';
import getRecords from '@salesforce/apex/%s.getRecords';

const COLUMNS = [
    { label: 'Name', fieldName: 'Name' },
    { label: '%s', fieldName: '%s' }
];

export default class %s extends LightningElement {
    @api recordId;
    @api limitSize = %d;
    columns = COLUMNS;
    records;
    error;

    @wire(getRecords, { limitSize: '$limitSize' })
    wiredRecords({ error, data }) {
        if (data) {
            this.records = data;
            this.error = undefined;
        } else if (error) {
            this.error = error;
            this.records = undefined;
        }
    }

    get hasRecords() {
        return Array.isArray(this.records) && this.records.length > 0;
    }
}
`

const componentHTML = `<template>
    <lightning-card title="%s" icon-name="custom:custom%d">
        <template lwc:if={hasRecords}>
            <lightning-datatable
                key-field="Id"
                data={records}
                columns={columns}
                hide-checkbox-column
            ></lightning-datatable>
        </template>
        <template lwc:if={error}>
            <p class="slds-text-color_error">{error.body.message}</p>
        </template>
    </lightning-card>
</template>
`

const componentCSS = `:host {
    display: block;
}
`

const componentMeta = xmlDecl + `<LightningComponentBundle` + xmlns + `>
    <apiVersion>66.0</apiVersion>
    <isExposed>true</isExposed>
    <targets>
        <target>lightning__AppPage</target>
        <target>lightning__RecordPage</target>
    </targets>
</LightningComponentBundle>
`
