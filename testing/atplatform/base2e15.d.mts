/** The bytes a Base2e15 string holds (characters outside its ranges are skipped). */
export declare function decodeBase2e15(text: string): Uint8Array;
