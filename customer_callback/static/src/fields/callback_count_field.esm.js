/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {integerField} from "@web/views/fields/integer/integer_field";
import {registry} from "@web/core/registry";

/**
 * A count in a list whose column label is longer than its numbers (Team
 * workload: "Complaints due this week", 本周到期投诉). An integer column is
 * 71 px wide in every list, its label cut off beside free space: this one
 * takes the width its label needs when the list has room, and gives it
 * back (down to 71 px) when it has not.
 */
export const callbackCountField = {...integerField, listViewWidth: [71, 240]};

registry.category("fields").add("callback_count", callbackCountField);
