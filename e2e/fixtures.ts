// Facts about the e2e database that the preparation script and the specs share.

/** The report whose text the seed leaves out of the e2e database, for the import test to bring in. */
export const REPORT_LEFT_FOR_IMPORT = '002_26d6f499a0fd7634.txt';
