/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {IntegerField, integerField} from "@web/views/fields/integer/integer_field";
import {registry} from "@web/core/registry";

/**
 * A 1-5 score. The database keeps "not scored" as 0, which an integer field
 * shows as "0": this one shows it empty, in forms as in lists.
 */
export class CallbackScoreField extends IntegerField {
    get formattedValue() {
        return this.value ? super.formattedValue : "";
    }
}

export const callbackScoreField = {...integerField, component: CallbackScoreField};

registry.category("fields").add("callback_score", callbackScoreField);
