/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Array = $util.global.Array, $parseInt = $util.global.parseInt, $String = $util.global.String, $BigInt = $util.global.BigInt, $Number = $util.global.Number, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const tensorhop = $root.tensorhop = (() => {

    /**
     * Namespace tensorhop.
     * @exports tensorhop
     * @namespace
     */
    const tensorhop = {};

    tensorhop.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof tensorhop
         * @namespace
         */
        const v1 = {};

        /**
         * DType enum.
         * @name tensorhop.v1.DType
         * @enum {number}
         * @property {number} NULL=0 NULL value
         * @property {number} UINT8=1 UINT8 value
         * @property {number} INT8=2 INT8 value
         * @property {number} UINT16=3 UINT16 value
         * @property {number} INT16=4 INT16 value
         * @property {number} UINT32=5 UINT32 value
         * @property {number} INT32=6 INT32 value
         * @property {number} UINT64=7 UINT64 value
         * @property {number} INT64=8 INT64 value
         * @property {number} FLOAT16=9 FLOAT16 value
         * @property {number} FLOAT32=10 FLOAT32 value
         * @property {number} FLOAT64=11 FLOAT64 value
         * @property {number} STRING=12 STRING value
         * @property {number} BOOL=13 BOOL value
         */
        v1.DType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "NULL"] = 0;
            values[valuesById[1] = "UINT8"] = 1;
            values[valuesById[2] = "INT8"] = 2;
            values[valuesById[3] = "UINT16"] = 3;
            values[valuesById[4] = "INT16"] = 4;
            values[valuesById[5] = "UINT32"] = 5;
            values[valuesById[6] = "INT32"] = 6;
            values[valuesById[7] = "UINT64"] = 7;
            values[valuesById[8] = "INT64"] = 8;
            values[valuesById[9] = "FLOAT16"] = 9;
            values[valuesById[10] = "FLOAT32"] = 10;
            values[valuesById[11] = "FLOAT64"] = 11;
            values[valuesById[12] = "STRING"] = 12;
            values[valuesById[13] = "BOOL"] = 13;
            return values;
        })();

        v1.Tensor = (function() {

            /**
             * Properties of a Tensor.
             * @typedef {Object} tensorhop.v1.Tensor.$Properties
             * @property {tensorhop.v1.DType|null} [type] Tensor type
             * @property {Array.<number>|null} [shape] Tensor shape
             * @property {Uint8Array|null} [data] Tensor data
             * @property {Array.<Uint8Array>|null} [stringVal] Tensor stringVal
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Tensor.
             * @memberof tensorhop.v1
             * @interface ITensor
             * @augments tensorhop.v1.Tensor.$Properties
             * @deprecated Use tensorhop.v1.Tensor.$Properties instead.
             */

            /**
             * Shape of a Tensor.
             * @typedef {tensorhop.v1.Tensor.$Properties} tensorhop.v1.Tensor.$Shape
             */

            /**
             * Constructs a new Tensor.
             * @memberof tensorhop.v1
             * @classdesc Represents a Tensor.
             * @constructor
             * @param {tensorhop.v1.Tensor.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Tensor = function (properties) {
                this.shape = [];
                this.stringVal = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Tensor type.
             * @member {tensorhop.v1.DType} type
             * @memberof tensorhop.v1.Tensor
             * @instance
             */
            Tensor.prototype.type = 0;

            /**
             * Tensor shape.
             * @member {Array.<number>} shape
             * @memberof tensorhop.v1.Tensor
             * @instance
             */
            Tensor.prototype.shape = $util.emptyArray;

            /**
             * Tensor data.
             * @member {Uint8Array} data
             * @memberof tensorhop.v1.Tensor
             * @instance
             */
            Tensor.prototype.data = $util.newBuffer([]);

            /**
             * Tensor stringVal.
             * @member {Array.<Uint8Array>} stringVal
             * @memberof tensorhop.v1.Tensor
             * @instance
             */
            Tensor.prototype.stringVal = $util.emptyArray;

            /**
             * Creates a new Tensor instance using the specified properties.
             * @function create
             * @memberof tensorhop.v1.Tensor
             * @static
             * @param {tensorhop.v1.Tensor.$Properties=} [properties] Properties to set
             * @returns {tensorhop.v1.Tensor} Tensor instance
             * @type {{
             *   (properties: tensorhop.v1.Tensor.$Shape): tensorhop.v1.Tensor & tensorhop.v1.Tensor.$Shape;
             *   (properties?: tensorhop.v1.Tensor.$Properties): tensorhop.v1.Tensor;
             * }}
             */
            Tensor.create = function(properties) {
                return new Tensor(properties);
            };

            /**
             * Encodes the specified Tensor message. Does not implicitly {@link tensorhop.v1.Tensor.verify|verify} messages.
             * @function encode
             * @memberof tensorhop.v1.Tensor
             * @static
             * @param {tensorhop.v1.Tensor.$Properties} message Tensor message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Tensor.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.type);
                if (message.shape != null && message.shape.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).int64s(message.shape);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.data);
                if (message.stringVal != null && message.stringVal.length)
                    for (let i = 0; i < message.stringVal.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.stringVal[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Tensor message from the specified reader or buffer.
             * @function decode
             * @memberof tensorhop.v1.Tensor
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorhop.v1.Tensor & tensorhop.v1.Tensor.$Shape} Tensor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Tensor.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorhop.v1.Tensor();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.shape && message.shape.length))
                                    message.shape = [];
                                reader.int64s(message.shape);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.shape && message.shape.length))
                                message.shape = [];
                            message.shape.push(reader.int64());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.stringVal && message.stringVal.length))
                                message.stringVal = [];
                            message.stringVal.push(reader.bytes());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Tensor message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorhop.v1.Tensor
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorhop.v1.Tensor} Tensor
             */
            Tensor.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorhop.v1.Tensor)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorhop.v1.Tensor: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tensorhop.v1.Tensor();
                if (object.type !== 0 && (typeof object.type !== "string" || $root.tensorhop.v1.DType[object.type] !== 0))
                    switch (object.type) {
                    case "NULL":
                    case 0:
                        message.type = 0;
                        break;
                    case "UINT8":
                    case 1:
                        message.type = 1;
                        break;
                    case "INT8":
                    case 2:
                        message.type = 2;
                        break;
                    case "UINT16":
                    case 3:
                        message.type = 3;
                        break;
                    case "INT16":
                    case 4:
                        message.type = 4;
                        break;
                    case "UINT32":
                    case 5:
                        message.type = 5;
                        break;
                    case "INT32":
                    case 6:
                        message.type = 6;
                        break;
                    case "UINT64":
                    case 7:
                        message.type = 7;
                        break;
                    case "INT64":
                    case 8:
                        message.type = 8;
                        break;
                    case "FLOAT16":
                    case 9:
                        message.type = 9;
                        break;
                    case "FLOAT32":
                    case 10:
                        message.type = 10;
                        break;
                    case "FLOAT64":
                    case 11:
                        message.type = 11;
                        break;
                    case "STRING":
                    case 12:
                        message.type = 12;
                        break;
                    case "BOOL":
                    case 13:
                        message.type = 13;
                        break;
                    default:
                        if (typeof object.type === "number" && (object.type | 0) === object.type)
                            message.type = object.type;
                    }
                if (object.shape) {
                    if (!$Array.isArray(object.shape))
                        throw $TypeError(".tensorhop.v1.Tensor.shape: array expected");
                    message.shape = $Array(object.shape.length);
                    for (let i = 0; i < object.shape.length; ++i)
                        if ($util.Long)
                            message.shape[i] = $util.Long.fromValue(object.shape[i], false);
                        else if (typeof object.shape[i] === "string")
                            message.shape[i] = $parseInt(object.shape[i], 10);
                        else if (typeof object.shape[i] === "number")
                            message.shape[i] = object.shape[i];
                        else if (typeof object.shape[i] === "object")
                            message.shape[i] = new $util.LongBits(object.shape[i].low >>> 0, object.shape[i].high >>> 0).toNumber();
                }
                if (object.data != null)
                    if (object.data.length)
                        if (typeof object.data === "string")
                            $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                        else if (object.data.length >= 0)
                            message.data = object.data;
                if (object.stringVal) {
                    if (!$Array.isArray(object.stringVal))
                        throw $TypeError(".tensorhop.v1.Tensor.stringVal: array expected");
                    message.stringVal = $Array(object.stringVal.length);
                    for (let i = 0; i < object.stringVal.length; ++i)
                        if (typeof object.stringVal[i] === "string")
                            $util.base64.decode(object.stringVal[i], message.stringVal[i] = $util.newBuffer($util.base64.length(object.stringVal[i])), 0);
                        else if (object.stringVal[i].length >= 0)
                            message.stringVal[i] = object.stringVal[i];
                }
                return message;
            };

            /**
             * Creates a plain object from a Tensor message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorhop.v1.Tensor
             * @static
             * @param {tensorhop.v1.Tensor} message Tensor
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Tensor.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.shape = [];
                    object.stringVal = [];
                }
                if (options.defaults) {
                    object.type = options.enums === $String ? "NULL" : 0;
                    if (options.bytes === $String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== $Array)
                            object.data = $util.newBuffer(object.data);
                    }
                }
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    object.type = options.enums === $String ? $root.tensorhop.v1.DType[message.type] === $undefined ? message.type : $root.tensorhop.v1.DType[message.type] : message.type;
                if (message.shape && message.shape.length) {
                    object.shape = $Array(message.shape.length);
                    for (let j = 0; j < message.shape.length; ++j)
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.shape[j] = typeof message.shape[j] === "number" ? $BigInt(message.shape[j]) : $util.Long.fromBits(message.shape[j].low >>> 0, message.shape[j].high >>> 0, false).toBigInt();
                        else if (typeof message.shape[j] === "number")
                            object.shape[j] = options.longs === $String ? $String(message.shape[j]) : message.shape[j];
                        else
                            object.shape[j] = options.longs === $String ? $util.Long.prototype.toString.call(message.shape[j]) : options.longs === $Number ? new $util.LongBits(message.shape[j].low >>> 0, message.shape[j].high >>> 0).toNumber() : message.shape[j];
                }
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                if (message.stringVal && message.stringVal.length) {
                    object.stringVal = $Array(message.stringVal.length);
                    for (let j = 0; j < message.stringVal.length; ++j)
                        object.stringVal[j] = options.bytes === $String ? $util.base64.encode(message.stringVal[j], 0, message.stringVal[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.stringVal[j]) : message.stringVal[j];
                }
                return object;
            };

            /**
             * Converts this Tensor to JSON.
             * @function toJSON
             * @memberof tensorhop.v1.Tensor
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Tensor.prototype.toJSON = function() {
                return Tensor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Tensor;
        })();

        v1.Request = (function() {

            /**
             * Properties of a Request.
             * @typedef {Object} tensorhop.v1.Request.$Properties
             * @property {tensorhop.v1.InferRequest.$Properties|null} [infer] Request infer
             * @property {tensorhop.v1.MetadataRequest.$Properties|null} [metadata] Request metadata
             * @property {"infer"|"metadata"} [req] Request req
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Request.
             * @memberof tensorhop.v1
             * @interface IRequest
             * @augments tensorhop.v1.Request.$Properties
             * @deprecated Use tensorhop.v1.Request.$Properties instead.
             */

            /**
             * Narrowed shape of a Request.
             * @typedef {{
             *   infer?: tensorhop.v1.InferRequest.$Shape|null;
             *   metadata?: tensorhop.v1.MetadataRequest.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ req?: undefined; infer?: null; metadata?: null }|{ req?: "infer"; infer: tensorhop.v1.InferRequest.$Shape; metadata?: null }|{ req?: "metadata"; infer?: null; metadata: tensorhop.v1.MetadataRequest.$Shape })
             * )} tensorhop.v1.Request.$Shape
             */

            /**
             * Constructs a new Request.
             * @memberof tensorhop.v1
             * @classdesc Represents a Request.
             * @constructor
             * @param {tensorhop.v1.Request.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Request = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Request infer.
             * @member {tensorhop.v1.InferRequest.$Properties|null|undefined} infer
             * @memberof tensorhop.v1.Request
             * @instance
             */
            Request.prototype.infer = null;

            /**
             * Request metadata.
             * @member {tensorhop.v1.MetadataRequest.$Properties|null|undefined} metadata
             * @memberof tensorhop.v1.Request
             * @instance
             */
            Request.prototype.metadata = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Request req.
             * @member {"infer"|"metadata"|undefined} req
             * @memberof tensorhop.v1.Request
             * @instance
             */
            $Object.defineProperty(Request.prototype, "req", {
                get: $util.oneOfGetter($oneOfFields = ["infer", "metadata"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Request instance using the specified properties.
             * @function create
             * @memberof tensorhop.v1.Request
             * @static
             * @param {tensorhop.v1.Request.$Properties=} [properties] Properties to set
             * @returns {tensorhop.v1.Request} Request instance
             * @type {{
             *   (properties: tensorhop.v1.Request.$Shape): tensorhop.v1.Request & tensorhop.v1.Request.$Shape;
             *   (properties?: tensorhop.v1.Request.$Properties): tensorhop.v1.Request;
             * }}
             */
            Request.create = function(properties) {
                return new Request(properties);
            };

            /**
             * Encodes the specified Request message. Does not implicitly {@link tensorhop.v1.Request.verify|verify} messages.
             * @function encode
             * @memberof tensorhop.v1.Request
             * @static
             * @param {tensorhop.v1.Request.$Properties} message Request message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Request.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.infer != null && $Object.hasOwnProperty.call(message, "infer"))
                    $root.tensorhop.v1.InferRequest.encode(message.infer, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.metadata != null && $Object.hasOwnProperty.call(message, "metadata"))
                    $root.tensorhop.v1.MetadataRequest.encode(message.metadata, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Request message from the specified reader or buffer.
             * @function decode
             * @memberof tensorhop.v1.Request
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorhop.v1.Request & tensorhop.v1.Request.$Shape} Request
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Request.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorhop.v1.Request();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.infer = $root.tensorhop.v1.InferRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.infer);
                            message.req = "infer";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.metadata = $root.tensorhop.v1.MetadataRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.metadata);
                            message.req = "metadata";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Request message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorhop.v1.Request
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorhop.v1.Request} Request
             */
            Request.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorhop.v1.Request)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorhop.v1.Request: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tensorhop.v1.Request();
                if (object.infer != null) {
                    if (!$util.isObject(object.infer))
                        throw $TypeError(".tensorhop.v1.Request.infer: object expected");
                    message.infer = $root.tensorhop.v1.InferRequest.fromObject(object.infer, _depth + 1);
                }
                if (object.metadata != null) {
                    if (!$util.isObject(object.metadata))
                        throw $TypeError(".tensorhop.v1.Request.metadata: object expected");
                    message.metadata = $root.tensorhop.v1.MetadataRequest.fromObject(object.metadata, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a Request message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorhop.v1.Request
             * @static
             * @param {tensorhop.v1.Request} message Request
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Request.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.infer != null && $Object.hasOwnProperty.call(message, "infer")) {
                    object.infer = $root.tensorhop.v1.InferRequest.toObject(message.infer, options, _depth + 1);
                    if (options.oneofs)
                        object.req = "infer";
                }
                if (message.metadata != null && $Object.hasOwnProperty.call(message, "metadata")) {
                    object.metadata = $root.tensorhop.v1.MetadataRequest.toObject(message.metadata, options, _depth + 1);
                    if (options.oneofs)
                        object.req = "metadata";
                }
                return object;
            };

            /**
             * Converts this Request to JSON.
             * @function toJSON
             * @memberof tensorhop.v1.Request
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Request.prototype.toJSON = function() {
                return Request.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Request;
        })();

        v1.MetadataRequest = (function() {

            /**
             * Properties of a MetadataRequest.
             * @typedef {Object} tensorhop.v1.MetadataRequest.$Properties
             * @property {string|null} [config] MetadataRequest config
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MetadataRequest.
             * @memberof tensorhop.v1
             * @interface IMetadataRequest
             * @augments tensorhop.v1.MetadataRequest.$Properties
             * @deprecated Use tensorhop.v1.MetadataRequest.$Properties instead.
             */

            /**
             * Shape of a MetadataRequest.
             * @typedef {tensorhop.v1.MetadataRequest.$Properties} tensorhop.v1.MetadataRequest.$Shape
             */

            /**
             * Constructs a new MetadataRequest.
             * @memberof tensorhop.v1
             * @classdesc Represents a MetadataRequest.
             * @constructor
             * @param {tensorhop.v1.MetadataRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MetadataRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * MetadataRequest config.
             * @member {string} config
             * @memberof tensorhop.v1.MetadataRequest
             * @instance
             */
            MetadataRequest.prototype.config = "";

            /**
             * Creates a new MetadataRequest instance using the specified properties.
             * @function create
             * @memberof tensorhop.v1.MetadataRequest
             * @static
             * @param {tensorhop.v1.MetadataRequest.$Properties=} [properties] Properties to set
             * @returns {tensorhop.v1.MetadataRequest} MetadataRequest instance
             * @type {{
             *   (properties: tensorhop.v1.MetadataRequest.$Shape): tensorhop.v1.MetadataRequest & tensorhop.v1.MetadataRequest.$Shape;
             *   (properties?: tensorhop.v1.MetadataRequest.$Properties): tensorhop.v1.MetadataRequest;
             * }}
             */
            MetadataRequest.create = function(properties) {
                return new MetadataRequest(properties);
            };

            /**
             * Encodes the specified MetadataRequest message. Does not implicitly {@link tensorhop.v1.MetadataRequest.verify|verify} messages.
             * @function encode
             * @memberof tensorhop.v1.MetadataRequest
             * @static
             * @param {tensorhop.v1.MetadataRequest.$Properties} message MetadataRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MetadataRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.config != null && $Object.hasOwnProperty.call(message, "config") && message.config !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.config);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a MetadataRequest message from the specified reader or buffer.
             * @function decode
             * @memberof tensorhop.v1.MetadataRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorhop.v1.MetadataRequest & tensorhop.v1.MetadataRequest.$Shape} MetadataRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MetadataRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorhop.v1.MetadataRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.config = value;
                            else
                                delete message.config;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a MetadataRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorhop.v1.MetadataRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorhop.v1.MetadataRequest} MetadataRequest
             */
            MetadataRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorhop.v1.MetadataRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorhop.v1.MetadataRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tensorhop.v1.MetadataRequest();
                if (object.config != null)
                    if (typeof object.config !== "string" || object.config.length)
                        message.config = $String(object.config);
                return message;
            };

            /**
             * Creates a plain object from a MetadataRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorhop.v1.MetadataRequest
             * @static
             * @param {tensorhop.v1.MetadataRequest} message MetadataRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            MetadataRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.config = "";
                if (message.config != null && $Object.hasOwnProperty.call(message, "config"))
                    object.config = message.config;
                return object;
            };

            /**
             * Converts this MetadataRequest to JSON.
             * @function toJSON
             * @memberof tensorhop.v1.MetadataRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            MetadataRequest.prototype.toJSON = function() {
                return MetadataRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return MetadataRequest;
        })();

        v1.Hop = (function() {

            /**
             * Properties of a Hop.
             * @typedef {Object} tensorhop.v1.Hop.$Properties
             * @property {string|null} [target] Hop target
             * @property {string|null} [config] Hop config
             * @property {Array.<string>|null} [outputNames] Hop outputNames
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Hop.
             * @memberof tensorhop.v1
             * @interface IHop
             * @augments tensorhop.v1.Hop.$Properties
             * @deprecated Use tensorhop.v1.Hop.$Properties instead.
             */

            /**
             * Shape of a Hop.
             * @typedef {tensorhop.v1.Hop.$Properties} tensorhop.v1.Hop.$Shape
             */

            /**
             * Constructs a new Hop.
             * @memberof tensorhop.v1
             * @classdesc Represents a Hop.
             * @constructor
             * @param {tensorhop.v1.Hop.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Hop = function (properties) {
                this.outputNames = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Hop target.
             * @member {string} target
             * @memberof tensorhop.v1.Hop
             * @instance
             */
            Hop.prototype.target = "";

            /**
             * Hop config.
             * @member {string} config
             * @memberof tensorhop.v1.Hop
             * @instance
             */
            Hop.prototype.config = "";

            /**
             * Hop outputNames.
             * @member {Array.<string>} outputNames
             * @memberof tensorhop.v1.Hop
             * @instance
             */
            Hop.prototype.outputNames = $util.emptyArray;

            /**
             * Creates a new Hop instance using the specified properties.
             * @function create
             * @memberof tensorhop.v1.Hop
             * @static
             * @param {tensorhop.v1.Hop.$Properties=} [properties] Properties to set
             * @returns {tensorhop.v1.Hop} Hop instance
             * @type {{
             *   (properties: tensorhop.v1.Hop.$Shape): tensorhop.v1.Hop & tensorhop.v1.Hop.$Shape;
             *   (properties?: tensorhop.v1.Hop.$Properties): tensorhop.v1.Hop;
             * }}
             */
            Hop.create = function(properties) {
                return new Hop(properties);
            };

            /**
             * Encodes the specified Hop message. Does not implicitly {@link tensorhop.v1.Hop.verify|verify} messages.
             * @function encode
             * @memberof tensorhop.v1.Hop
             * @static
             * @param {tensorhop.v1.Hop.$Properties} message Hop message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hop.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.target != null && $Object.hasOwnProperty.call(message, "target") && message.target !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.target);
                if (message.config != null && $Object.hasOwnProperty.call(message, "config") && message.config !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.config);
                if (message.outputNames != null && message.outputNames.length)
                    for (let i = 0; i < message.outputNames.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.outputNames[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Hop message from the specified reader or buffer.
             * @function decode
             * @memberof tensorhop.v1.Hop
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorhop.v1.Hop & tensorhop.v1.Hop.$Shape} Hop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hop.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorhop.v1.Hop();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.target = value;
                            else
                                delete message.target;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.config = value;
                            else
                                delete message.config;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.outputNames && message.outputNames.length))
                                message.outputNames = [];
                            message.outputNames.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Hop message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorhop.v1.Hop
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorhop.v1.Hop} Hop
             */
            Hop.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorhop.v1.Hop)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorhop.v1.Hop: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tensorhop.v1.Hop();
                if (object.target != null)
                    if (typeof object.target !== "string" || object.target.length)
                        message.target = $String(object.target);
                if (object.config != null)
                    if (typeof object.config !== "string" || object.config.length)
                        message.config = $String(object.config);
                if (object.outputNames) {
                    if (!$Array.isArray(object.outputNames))
                        throw $TypeError(".tensorhop.v1.Hop.outputNames: array expected");
                    message.outputNames = $Array(object.outputNames.length);
                    for (let i = 0; i < object.outputNames.length; ++i)
                        message.outputNames[i] = $String(object.outputNames[i]);
                }
                return message;
            };

            /**
             * Creates a plain object from a Hop message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorhop.v1.Hop
             * @static
             * @param {tensorhop.v1.Hop} message Hop
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Hop.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.outputNames = [];
                if (options.defaults) {
                    object.target = "";
                    object.config = "";
                }
                if (message.target != null && $Object.hasOwnProperty.call(message, "target"))
                    object.target = message.target;
                if (message.config != null && $Object.hasOwnProperty.call(message, "config"))
                    object.config = message.config;
                if (message.outputNames && message.outputNames.length) {
                    object.outputNames = $Array(message.outputNames.length);
                    for (let j = 0; j < message.outputNames.length; ++j)
                        object.outputNames[j] = message.outputNames[j];
                }
                return object;
            };

            /**
             * Converts this Hop to JSON.
             * @function toJSON
             * @memberof tensorhop.v1.Hop
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Hop.prototype.toJSON = function() {
                return Hop.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Hop;
        })();

        v1.Route = (function() {

            /**
             * Properties of a Route.
             * @typedef {Object} tensorhop.v1.Route.$Properties
             * @property {Array.<tensorhop.v1.Hop.$Properties>|null} [next] Route next
             * @property {tensorhop.v1.Route.Mode|null} [mode] Route mode
             * @property {number|null} [hopsLeft] Route hopsLeft
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Route.
             * @memberof tensorhop.v1
             * @interface IRoute
             * @augments tensorhop.v1.Route.$Properties
             * @deprecated Use tensorhop.v1.Route.$Properties instead.
             */

            /**
             * Shape of a Route.
             * @typedef {tensorhop.v1.Route.$Properties} tensorhop.v1.Route.$Shape
             */

            /**
             * Constructs a new Route.
             * @memberof tensorhop.v1
             * @classdesc Represents a Route.
             * @constructor
             * @param {tensorhop.v1.Route.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Route = function (properties) {
                this.next = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Route next.
             * @member {Array.<tensorhop.v1.Hop.$Properties>} next
             * @memberof tensorhop.v1.Route
             * @instance
             */
            Route.prototype.next = $util.emptyArray;

            /**
             * Route mode.
             * @member {tensorhop.v1.Route.Mode} mode
             * @memberof tensorhop.v1.Route
             * @instance
             */
            Route.prototype.mode = 0;

            /**
             * Route hopsLeft.
             * @member {number} hopsLeft
             * @memberof tensorhop.v1.Route
             * @instance
             */
            Route.prototype.hopsLeft = 0;

            /**
             * Creates a new Route instance using the specified properties.
             * @function create
             * @memberof tensorhop.v1.Route
             * @static
             * @param {tensorhop.v1.Route.$Properties=} [properties] Properties to set
             * @returns {tensorhop.v1.Route} Route instance
             * @type {{
             *   (properties: tensorhop.v1.Route.$Shape): tensorhop.v1.Route & tensorhop.v1.Route.$Shape;
             *   (properties?: tensorhop.v1.Route.$Properties): tensorhop.v1.Route;
             * }}
             */
            Route.create = function(properties) {
                return new Route(properties);
            };

            /**
             * Encodes the specified Route message. Does not implicitly {@link tensorhop.v1.Route.verify|verify} messages.
             * @function encode
             * @memberof tensorhop.v1.Route
             * @static
             * @param {tensorhop.v1.Route.$Properties} message Route message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Route.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.next != null && message.next.length)
                    for (let i = 0; i < message.next.length; ++i)
                        $root.tensorhop.v1.Hop.encode(message.next[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.mode);
                if (message.hopsLeft != null && $Object.hasOwnProperty.call(message, "hopsLeft") && message.hopsLeft !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.hopsLeft);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Route message from the specified reader or buffer.
             * @function decode
             * @memberof tensorhop.v1.Route
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorhop.v1.Route & tensorhop.v1.Route.$Shape} Route
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Route.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorhop.v1.Route();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.next && message.next.length))
                                message.next = [];
                            message.next.push($root.tensorhop.v1.Hop.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.mode = value;
                            else
                                delete message.mode;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.hopsLeft = value;
                            else
                                delete message.hopsLeft;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Route message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorhop.v1.Route
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorhop.v1.Route} Route
             */
            Route.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorhop.v1.Route)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorhop.v1.Route: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tensorhop.v1.Route();
                if (object.next) {
                    if (!$Array.isArray(object.next))
                        throw $TypeError(".tensorhop.v1.Route.next: array expected");
                    message.next = $Array(object.next.length);
                    for (let i = 0; i < object.next.length; ++i) {
                        if (!$util.isObject(object.next[i]))
                            throw $TypeError(".tensorhop.v1.Route.next: object expected");
                        message.next[i] = $root.tensorhop.v1.Hop.fromObject(object.next[i], _depth + 1);
                    }
                }
                if (object.mode !== 0 && (typeof object.mode !== "string" || $root.tensorhop.v1.Route.Mode[object.mode] !== 0))
                    switch (object.mode) {
                    case "DEFAULT":
                    case 0:
                        message.mode = 0;
                        break;
                    case "EXACT":
                    case 1:
                        message.mode = 1;
                        break;
                    default:
                        if (typeof object.mode === "number" && (object.mode | 0) === object.mode)
                            message.mode = object.mode;
                    }
                if (object.hopsLeft != null)
                    if ($Number(object.hopsLeft) !== 0)
                        message.hopsLeft = object.hopsLeft | 0;
                return message;
            };

            /**
             * Creates a plain object from a Route message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorhop.v1.Route
             * @static
             * @param {tensorhop.v1.Route} message Route
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Route.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.next = [];
                if (options.defaults) {
                    object.mode = options.enums === $String ? "DEFAULT" : 0;
                    object.hopsLeft = 0;
                }
                if (message.next && message.next.length) {
                    object.next = $Array(message.next.length);
                    for (let j = 0; j < message.next.length; ++j)
                        object.next[j] = $root.tensorhop.v1.Hop.toObject(message.next[j], options, _depth + 1);
                }
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    object.mode = options.enums === $String ? $root.tensorhop.v1.Route.Mode[message.mode] === $undefined ? message.mode : $root.tensorhop.v1.Route.Mode[message.mode] : message.mode;
                if (message.hopsLeft != null && $Object.hasOwnProperty.call(message, "hopsLeft"))
                    object.hopsLeft = message.hopsLeft;
                return object;
            };

            /**
             * Converts this Route to JSON.
             * @function toJSON
             * @memberof tensorhop.v1.Route
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Route.prototype.toJSON = function() {
                return Route.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Mode enum.
             * @name tensorhop.v1.Route.Mode
             * @enum {number}
             * @property {number} DEFAULT=0 DEFAULT value
             * @property {number} EXACT=1 EXACT value
             */
            Route.Mode = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "DEFAULT"] = 0;
                values[valuesById[1] = "EXACT"] = 1;
                return values;
            })();

            return Route;
        })();

        v1.InferRequest = (function() {

            /**
             * Properties of an InferRequest.
             * @typedef {Object} tensorhop.v1.InferRequest.$Properties
             * @property {string|null} [config] InferRequest config
             * @property {Array.<string>|null} [inputNames] InferRequest inputNames
             * @property {Array.<tensorhop.v1.Tensor.$Properties>|null} [inputTensors] InferRequest inputTensors
             * @property {Array.<string>|null} [outputNames] InferRequest outputNames
             * @property {Array.<string>|null} [keys] InferRequest keys
             * @property {tensorhop.v1.Route.$Properties|null} [route] InferRequest route
             * @property {string|null} [traceId] InferRequest traceId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InferRequest.
             * @memberof tensorhop.v1
             * @interface IInferRequest
             * @augments tensorhop.v1.InferRequest.$Properties
             * @deprecated Use tensorhop.v1.InferRequest.$Properties instead.
             */

            /**
             * Shape of an InferRequest.
             * @typedef {tensorhop.v1.InferRequest.$Properties} tensorhop.v1.InferRequest.$Shape
             */

            /**
             * Constructs a new InferRequest.
             * @memberof tensorhop.v1
             * @classdesc Represents an InferRequest.
             * @constructor
             * @param {tensorhop.v1.InferRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InferRequest = function (properties) {
                this.inputNames = [];
                this.inputTensors = [];
                this.outputNames = [];
                this.keys = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * InferRequest config.
             * @member {string} config
             * @memberof tensorhop.v1.InferRequest
             * @instance
             */
            InferRequest.prototype.config = "";

            /**
             * InferRequest inputNames.
             * @member {Array.<string>} inputNames
             * @memberof tensorhop.v1.InferRequest
             * @instance
             */
            InferRequest.prototype.inputNames = $util.emptyArray;

            /**
             * InferRequest inputTensors.
             * @member {Array.<tensorhop.v1.Tensor.$Properties>} inputTensors
             * @memberof tensorhop.v1.InferRequest
             * @instance
             */
            InferRequest.prototype.inputTensors = $util.emptyArray;

            /**
             * InferRequest outputNames.
             * @member {Array.<string>} outputNames
             * @memberof tensorhop.v1.InferRequest
             * @instance
             */
            InferRequest.prototype.outputNames = $util.emptyArray;

            /**
             * InferRequest keys.
             * @member {Array.<string>} keys
             * @memberof tensorhop.v1.InferRequest
             * @instance
             */
            InferRequest.prototype.keys = $util.emptyArray;

            /**
             * InferRequest route.
             * @member {tensorhop.v1.Route.$Properties|null|undefined} route
             * @memberof tensorhop.v1.InferRequest
             * @instance
             */
            InferRequest.prototype.route = null;

            /**
             * InferRequest traceId.
             * @member {string} traceId
             * @memberof tensorhop.v1.InferRequest
             * @instance
             */
            InferRequest.prototype.traceId = "";

            /**
             * Creates a new InferRequest instance using the specified properties.
             * @function create
             * @memberof tensorhop.v1.InferRequest
             * @static
             * @param {tensorhop.v1.InferRequest.$Properties=} [properties] Properties to set
             * @returns {tensorhop.v1.InferRequest} InferRequest instance
             * @type {{
             *   (properties: tensorhop.v1.InferRequest.$Shape): tensorhop.v1.InferRequest & tensorhop.v1.InferRequest.$Shape;
             *   (properties?: tensorhop.v1.InferRequest.$Properties): tensorhop.v1.InferRequest;
             * }}
             */
            InferRequest.create = function(properties) {
                return new InferRequest(properties);
            };

            /**
             * Encodes the specified InferRequest message. Does not implicitly {@link tensorhop.v1.InferRequest.verify|verify} messages.
             * @function encode
             * @memberof tensorhop.v1.InferRequest
             * @static
             * @param {tensorhop.v1.InferRequest.$Properties} message InferRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InferRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.config != null && $Object.hasOwnProperty.call(message, "config") && message.config !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.config);
                if (message.inputNames != null && message.inputNames.length)
                    for (let i = 0; i < message.inputNames.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.inputNames[i]);
                if (message.inputTensors != null && message.inputTensors.length)
                    for (let i = 0; i < message.inputTensors.length; ++i)
                        $root.tensorhop.v1.Tensor.encode(message.inputTensors[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.outputNames != null && message.outputNames.length)
                    for (let i = 0; i < message.outputNames.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.outputNames[i]);
                if (message.keys != null && message.keys.length)
                    for (let i = 0; i < message.keys.length; ++i)
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.keys[i]);
                if (message.route != null && $Object.hasOwnProperty.call(message, "route"))
                    $root.tensorhop.v1.Route.encode(message.route, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.traceId != null && $Object.hasOwnProperty.call(message, "traceId") && message.traceId !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.traceId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an InferRequest message from the specified reader or buffer.
             * @function decode
             * @memberof tensorhop.v1.InferRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorhop.v1.InferRequest & tensorhop.v1.InferRequest.$Shape} InferRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InferRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorhop.v1.InferRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.config = value;
                            else
                                delete message.config;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.inputNames && message.inputNames.length))
                                message.inputNames = [];
                            message.inputNames.push(reader.stringVerify());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.inputTensors && message.inputTensors.length))
                                message.inputTensors = [];
                            message.inputTensors.push($root.tensorhop.v1.Tensor.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.outputNames && message.outputNames.length))
                                message.outputNames = [];
                            message.outputNames.push(reader.stringVerify());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.keys && message.keys.length))
                                message.keys = [];
                            message.keys.push(reader.stringVerify());
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.route = $root.tensorhop.v1.Route.decode(reader, reader.size(), $undefined, _depth + 1, message.route);
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.traceId = value;
                            else
                                delete message.traceId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an InferRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorhop.v1.InferRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorhop.v1.InferRequest} InferRequest
             */
            InferRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorhop.v1.InferRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorhop.v1.InferRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tensorhop.v1.InferRequest();
                if (object.config != null)
                    if (typeof object.config !== "string" || object.config.length)
                        message.config = $String(object.config);
                if (object.inputNames) {
                    if (!$Array.isArray(object.inputNames))
                        throw $TypeError(".tensorhop.v1.InferRequest.inputNames: array expected");
                    message.inputNames = $Array(object.inputNames.length);
                    for (let i = 0; i < object.inputNames.length; ++i)
                        message.inputNames[i] = $String(object.inputNames[i]);
                }
                if (object.inputTensors) {
                    if (!$Array.isArray(object.inputTensors))
                        throw $TypeError(".tensorhop.v1.InferRequest.inputTensors: array expected");
                    message.inputTensors = $Array(object.inputTensors.length);
                    for (let i = 0; i < object.inputTensors.length; ++i) {
                        if (!$util.isObject(object.inputTensors[i]))
                            throw $TypeError(".tensorhop.v1.InferRequest.inputTensors: object expected");
                        message.inputTensors[i] = $root.tensorhop.v1.Tensor.fromObject(object.inputTensors[i], _depth + 1);
                    }
                }
                if (object.outputNames) {
                    if (!$Array.isArray(object.outputNames))
                        throw $TypeError(".tensorhop.v1.InferRequest.outputNames: array expected");
                    message.outputNames = $Array(object.outputNames.length);
                    for (let i = 0; i < object.outputNames.length; ++i)
                        message.outputNames[i] = $String(object.outputNames[i]);
                }
                if (object.keys) {
                    if (!$Array.isArray(object.keys))
                        throw $TypeError(".tensorhop.v1.InferRequest.keys: array expected");
                    message.keys = $Array(object.keys.length);
                    for (let i = 0; i < object.keys.length; ++i)
                        message.keys[i] = $String(object.keys[i]);
                }
                if (object.route != null) {
                    if (!$util.isObject(object.route))
                        throw $TypeError(".tensorhop.v1.InferRequest.route: object expected");
                    message.route = $root.tensorhop.v1.Route.fromObject(object.route, _depth + 1);
                }
                if (object.traceId != null)
                    if (typeof object.traceId !== "string" || object.traceId.length)
                        message.traceId = $String(object.traceId);
                return message;
            };

            /**
             * Creates a plain object from an InferRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorhop.v1.InferRequest
             * @static
             * @param {tensorhop.v1.InferRequest} message InferRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InferRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.inputNames = [];
                    object.inputTensors = [];
                    object.outputNames = [];
                    object.keys = [];
                }
                if (options.defaults) {
                    object.config = "";
                    object.route = null;
                    object.traceId = "";
                }
                if (message.config != null && $Object.hasOwnProperty.call(message, "config"))
                    object.config = message.config;
                if (message.inputNames && message.inputNames.length) {
                    object.inputNames = $Array(message.inputNames.length);
                    for (let j = 0; j < message.inputNames.length; ++j)
                        object.inputNames[j] = message.inputNames[j];
                }
                if (message.inputTensors && message.inputTensors.length) {
                    object.inputTensors = $Array(message.inputTensors.length);
                    for (let j = 0; j < message.inputTensors.length; ++j)
                        object.inputTensors[j] = $root.tensorhop.v1.Tensor.toObject(message.inputTensors[j], options, _depth + 1);
                }
                if (message.outputNames && message.outputNames.length) {
                    object.outputNames = $Array(message.outputNames.length);
                    for (let j = 0; j < message.outputNames.length; ++j)
                        object.outputNames[j] = message.outputNames[j];
                }
                if (message.keys && message.keys.length) {
                    object.keys = $Array(message.keys.length);
                    for (let j = 0; j < message.keys.length; ++j)
                        object.keys[j] = message.keys[j];
                }
                if (message.route != null && $Object.hasOwnProperty.call(message, "route"))
                    object.route = $root.tensorhop.v1.Route.toObject(message.route, options, _depth + 1);
                if (message.traceId != null && $Object.hasOwnProperty.call(message, "traceId"))
                    object.traceId = message.traceId;
                return object;
            };

            /**
             * Converts this InferRequest to JSON.
             * @function toJSON
             * @memberof tensorhop.v1.InferRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InferRequest.prototype.toJSON = function() {
                return InferRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return InferRequest;
        })();

        v1.RowError = (function() {

            /**
             * Properties of a RowError.
             * @typedef {Object} tensorhop.v1.RowError.$Properties
             * @property {string|null} [key] RowError key
             * @property {string|null} [code] RowError code
             * @property {string|null} [message] RowError message
             * @property {string|null} [stage] RowError stage
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RowError.
             * @memberof tensorhop.v1
             * @interface IRowError
             * @augments tensorhop.v1.RowError.$Properties
             * @deprecated Use tensorhop.v1.RowError.$Properties instead.
             */

            /**
             * Shape of a RowError.
             * @typedef {tensorhop.v1.RowError.$Properties} tensorhop.v1.RowError.$Shape
             */

            /**
             * Constructs a new RowError.
             * @memberof tensorhop.v1
             * @classdesc Represents a RowError.
             * @constructor
             * @param {tensorhop.v1.RowError.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RowError = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RowError key.
             * @member {string} key
             * @memberof tensorhop.v1.RowError
             * @instance
             */
            RowError.prototype.key = "";

            /**
             * RowError code.
             * @member {string} code
             * @memberof tensorhop.v1.RowError
             * @instance
             */
            RowError.prototype.code = "";

            /**
             * RowError message.
             * @member {string} message
             * @memberof tensorhop.v1.RowError
             * @instance
             */
            RowError.prototype.message = "";

            /**
             * RowError stage.
             * @member {string} stage
             * @memberof tensorhop.v1.RowError
             * @instance
             */
            RowError.prototype.stage = "";

            /**
             * Creates a new RowError instance using the specified properties.
             * @function create
             * @memberof tensorhop.v1.RowError
             * @static
             * @param {tensorhop.v1.RowError.$Properties=} [properties] Properties to set
             * @returns {tensorhop.v1.RowError} RowError instance
             * @type {{
             *   (properties: tensorhop.v1.RowError.$Shape): tensorhop.v1.RowError & tensorhop.v1.RowError.$Shape;
             *   (properties?: tensorhop.v1.RowError.$Properties): tensorhop.v1.RowError;
             * }}
             */
            RowError.create = function(properties) {
                return new RowError(properties);
            };

            /**
             * Encodes the specified RowError message. Does not implicitly {@link tensorhop.v1.RowError.verify|verify} messages.
             * @function encode
             * @memberof tensorhop.v1.RowError
             * @static
             * @param {tensorhop.v1.RowError.$Properties} message RowError message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RowError.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.key);
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.message);
                if (message.stage != null && $Object.hasOwnProperty.call(message, "stage") && message.stage !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.stage);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RowError message from the specified reader or buffer.
             * @function decode
             * @memberof tensorhop.v1.RowError
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorhop.v1.RowError & tensorhop.v1.RowError.$Shape} RowError
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RowError.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorhop.v1.RowError();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.key = value;
                            else
                                delete message.key;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.stage = value;
                            else
                                delete message.stage;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a RowError message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorhop.v1.RowError
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorhop.v1.RowError} RowError
             */
            RowError.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorhop.v1.RowError)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorhop.v1.RowError: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tensorhop.v1.RowError();
                if (object.key != null)
                    if (typeof object.key !== "string" || object.key.length)
                        message.key = $String(object.key);
                if (object.code != null)
                    if (typeof object.code !== "string" || object.code.length)
                        message.code = $String(object.code);
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.stage != null)
                    if (typeof object.stage !== "string" || object.stage.length)
                        message.stage = $String(object.stage);
                return message;
            };

            /**
             * Creates a plain object from a RowError message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorhop.v1.RowError
             * @static
             * @param {tensorhop.v1.RowError} message RowError
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RowError.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.key = "";
                    object.code = "";
                    object.message = "";
                    object.stage = "";
                }
                if (message.key != null && $Object.hasOwnProperty.call(message, "key"))
                    object.key = message.key;
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.stage != null && $Object.hasOwnProperty.call(message, "stage"))
                    object.stage = message.stage;
                return object;
            };

            /**
             * Converts this RowError to JSON.
             * @function toJSON
             * @memberof tensorhop.v1.RowError
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RowError.prototype.toJSON = function() {
                return RowError.toObject(this, $protobuf.util.toJSONOptions);
            };

            return RowError;
        })();

        v1.StageTiming = (function() {

            /**
             * Properties of a StageTiming.
             * @typedef {Object} tensorhop.v1.StageTiming.$Properties
             * @property {string|null} [stage] StageTiming stage
             * @property {string|null} [instance] StageTiming instance
             * @property {number|null} [startedAtMs] StageTiming startedAtMs
             * @property {number|null} [durationMs] StageTiming durationMs
             * @property {number|null} [rowsIn] StageTiming rowsIn
             * @property {number|null} [rowsOut] StageTiming rowsOut
             * @property {number|null} [bytesIn] StageTiming bytesIn
             * @property {number|null} [bytesOut] StageTiming bytesOut
             * @property {string|null} [traceId] StageTiming traceId
             * @property {string|null} [spanId] StageTiming spanId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StageTiming.
             * @memberof tensorhop.v1
             * @interface IStageTiming
             * @augments tensorhop.v1.StageTiming.$Properties
             * @deprecated Use tensorhop.v1.StageTiming.$Properties instead.
             */

            /**
             * Shape of a StageTiming.
             * @typedef {tensorhop.v1.StageTiming.$Properties} tensorhop.v1.StageTiming.$Shape
             */

            /**
             * Constructs a new StageTiming.
             * @memberof tensorhop.v1
             * @classdesc Represents a StageTiming.
             * @constructor
             * @param {tensorhop.v1.StageTiming.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StageTiming = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StageTiming stage.
             * @member {string} stage
             * @memberof tensorhop.v1.StageTiming
             * @instance
             */
            StageTiming.prototype.stage = "";

            /**
             * StageTiming instance.
             * @member {string} instance
             * @memberof tensorhop.v1.StageTiming
             * @instance
             */
            StageTiming.prototype.instance = "";

            /**
             * StageTiming startedAtMs.
             * @member {number} startedAtMs
             * @memberof tensorhop.v1.StageTiming
             * @instance
             */
            StageTiming.prototype.startedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * StageTiming durationMs.
             * @member {number} durationMs
             * @memberof tensorhop.v1.StageTiming
             * @instance
             */
            StageTiming.prototype.durationMs = 0;

            /**
             * StageTiming rowsIn.
             * @member {number} rowsIn
             * @memberof tensorhop.v1.StageTiming
             * @instance
             */
            StageTiming.prototype.rowsIn = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * StageTiming rowsOut.
             * @member {number} rowsOut
             * @memberof tensorhop.v1.StageTiming
             * @instance
             */
            StageTiming.prototype.rowsOut = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * StageTiming bytesIn.
             * @member {number} bytesIn
             * @memberof tensorhop.v1.StageTiming
             * @instance
             */
            StageTiming.prototype.bytesIn = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * StageTiming bytesOut.
             * @member {number} bytesOut
             * @memberof tensorhop.v1.StageTiming
             * @instance
             */
            StageTiming.prototype.bytesOut = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * StageTiming traceId.
             * @member {string} traceId
             * @memberof tensorhop.v1.StageTiming
             * @instance
             */
            StageTiming.prototype.traceId = "";

            /**
             * StageTiming spanId.
             * @member {string} spanId
             * @memberof tensorhop.v1.StageTiming
             * @instance
             */
            StageTiming.prototype.spanId = "";

            /**
             * Creates a new StageTiming instance using the specified properties.
             * @function create
             * @memberof tensorhop.v1.StageTiming
             * @static
             * @param {tensorhop.v1.StageTiming.$Properties=} [properties] Properties to set
             * @returns {tensorhop.v1.StageTiming} StageTiming instance
             * @type {{
             *   (properties: tensorhop.v1.StageTiming.$Shape): tensorhop.v1.StageTiming & tensorhop.v1.StageTiming.$Shape;
             *   (properties?: tensorhop.v1.StageTiming.$Properties): tensorhop.v1.StageTiming;
             * }}
             */
            StageTiming.create = function(properties) {
                return new StageTiming(properties);
            };

            /**
             * Encodes the specified StageTiming message. Does not implicitly {@link tensorhop.v1.StageTiming.verify|verify} messages.
             * @function encode
             * @memberof tensorhop.v1.StageTiming
             * @static
             * @param {tensorhop.v1.StageTiming.$Properties} message StageTiming message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StageTiming.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.stage != null && $Object.hasOwnProperty.call(message, "stage") && message.stage !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.stage);
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance") && message.instance !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.instance);
                if (message.startedAtMs != null && $Object.hasOwnProperty.call(message, "startedAtMs") && (typeof message.startedAtMs === "object" ? message.startedAtMs.low || message.startedAtMs.high : message.startedAtMs !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).int64(message.startedAtMs);
                if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs") && !$Object.is(message.durationMs, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.durationMs);
                if (message.rowsIn != null && $Object.hasOwnProperty.call(message, "rowsIn") && (typeof message.rowsIn === "object" ? message.rowsIn.low || message.rowsIn.high : message.rowsIn !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).int64(message.rowsIn);
                if (message.rowsOut != null && $Object.hasOwnProperty.call(message, "rowsOut") && (typeof message.rowsOut === "object" ? message.rowsOut.low || message.rowsOut.high : message.rowsOut !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).int64(message.rowsOut);
                if (message.bytesIn != null && $Object.hasOwnProperty.call(message, "bytesIn") && (typeof message.bytesIn === "object" ? message.bytesIn.low || message.bytesIn.high : message.bytesIn !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.bytesIn);
                if (message.bytesOut != null && $Object.hasOwnProperty.call(message, "bytesOut") && (typeof message.bytesOut === "object" ? message.bytesOut.low || message.bytesOut.high : message.bytesOut !== 0))
                    writer.uint32(/* id 8, wireType 0 =*/64).int64(message.bytesOut);
                if (message.traceId != null && $Object.hasOwnProperty.call(message, "traceId") && message.traceId !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.traceId);
                if (message.spanId != null && $Object.hasOwnProperty.call(message, "spanId") && message.spanId !== "")
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.spanId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StageTiming message from the specified reader or buffer.
             * @function decode
             * @memberof tensorhop.v1.StageTiming
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorhop.v1.StageTiming & tensorhop.v1.StageTiming.$Shape} StageTiming
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StageTiming.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorhop.v1.StageTiming();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.stage = value;
                            else
                                delete message.stage;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instance = value;
                            else
                                delete message.instance;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.startedAtMs = value;
                            else
                                delete message.startedAtMs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.durationMs = value;
                            else
                                delete message.durationMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.rowsIn = value;
                            else
                                delete message.rowsIn;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.rowsOut = value;
                            else
                                delete message.rowsOut;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.bytesIn = value;
                            else
                                delete message.bytesIn;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.bytesOut = value;
                            else
                                delete message.bytesOut;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.traceId = value;
                            else
                                delete message.traceId;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.spanId = value;
                            else
                                delete message.spanId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a StageTiming message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorhop.v1.StageTiming
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorhop.v1.StageTiming} StageTiming
             */
            StageTiming.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorhop.v1.StageTiming)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorhop.v1.StageTiming: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tensorhop.v1.StageTiming();
                if (object.stage != null)
                    if (typeof object.stage !== "string" || object.stage.length)
                        message.stage = $String(object.stage);
                if (object.instance != null)
                    if (typeof object.instance !== "string" || object.instance.length)
                        message.instance = $String(object.instance);
                if (object.startedAtMs != null)
                    if (typeof object.startedAtMs === "object" ? object.startedAtMs.low || object.startedAtMs.high : $Number(object.startedAtMs) !== 0)
                        if ($util.Long)
                            message.startedAtMs = $util.Long.fromValue(object.startedAtMs, false);
                        else if (typeof object.startedAtMs === "string")
                            message.startedAtMs = $parseInt(object.startedAtMs, 10);
                        else if (typeof object.startedAtMs === "number")
                            message.startedAtMs = object.startedAtMs;
                        else if (typeof object.startedAtMs === "object")
                            message.startedAtMs = new $util.LongBits(object.startedAtMs.low >>> 0, object.startedAtMs.high >>> 0).toNumber();
                if (object.durationMs != null)
                    if (!$Object.is($Number(object.durationMs), 0))
                        message.durationMs = $Number(object.durationMs);
                if (object.rowsIn != null)
                    if (typeof object.rowsIn === "object" ? object.rowsIn.low || object.rowsIn.high : $Number(object.rowsIn) !== 0)
                        if ($util.Long)
                            message.rowsIn = $util.Long.fromValue(object.rowsIn, false);
                        else if (typeof object.rowsIn === "string")
                            message.rowsIn = $parseInt(object.rowsIn, 10);
                        else if (typeof object.rowsIn === "number")
                            message.rowsIn = object.rowsIn;
                        else if (typeof object.rowsIn === "object")
                            message.rowsIn = new $util.LongBits(object.rowsIn.low >>> 0, object.rowsIn.high >>> 0).toNumber();
                if (object.rowsOut != null)
                    if (typeof object.rowsOut === "object" ? object.rowsOut.low || object.rowsOut.high : $Number(object.rowsOut) !== 0)
                        if ($util.Long)
                            message.rowsOut = $util.Long.fromValue(object.rowsOut, false);
                        else if (typeof object.rowsOut === "string")
                            message.rowsOut = $parseInt(object.rowsOut, 10);
                        else if (typeof object.rowsOut === "number")
                            message.rowsOut = object.rowsOut;
                        else if (typeof object.rowsOut === "object")
                            message.rowsOut = new $util.LongBits(object.rowsOut.low >>> 0, object.rowsOut.high >>> 0).toNumber();
                if (object.bytesIn != null)
                    if (typeof object.bytesIn === "object" ? object.bytesIn.low || object.bytesIn.high : $Number(object.bytesIn) !== 0)
                        if ($util.Long)
                            message.bytesIn = $util.Long.fromValue(object.bytesIn, false);
                        else if (typeof object.bytesIn === "string")
                            message.bytesIn = $parseInt(object.bytesIn, 10);
                        else if (typeof object.bytesIn === "number")
                            message.bytesIn = object.bytesIn;
                        else if (typeof object.bytesIn === "object")
                            message.bytesIn = new $util.LongBits(object.bytesIn.low >>> 0, object.bytesIn.high >>> 0).toNumber();
                if (object.bytesOut != null)
                    if (typeof object.bytesOut === "object" ? object.bytesOut.low || object.bytesOut.high : $Number(object.bytesOut) !== 0)
                        if ($util.Long)
                            message.bytesOut = $util.Long.fromValue(object.bytesOut, false);
                        else if (typeof object.bytesOut === "string")
                            message.bytesOut = $parseInt(object.bytesOut, 10);
                        else if (typeof object.bytesOut === "number")
                            message.bytesOut = object.bytesOut;
                        else if (typeof object.bytesOut === "object")
                            message.bytesOut = new $util.LongBits(object.bytesOut.low >>> 0, object.bytesOut.high >>> 0).toNumber();
                if (object.traceId != null)
                    if (typeof object.traceId !== "string" || object.traceId.length)
                        message.traceId = $String(object.traceId);
                if (object.spanId != null)
                    if (typeof object.spanId !== "string" || object.spanId.length)
                        message.spanId = $String(object.spanId);
                return message;
            };

            /**
             * Creates a plain object from a StageTiming message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorhop.v1.StageTiming
             * @static
             * @param {tensorhop.v1.StageTiming} message StageTiming
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StageTiming.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.stage = "";
                    object.instance = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.startedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.startedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.durationMs = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.rowsIn = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.rowsIn = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.rowsOut = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.rowsOut = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.bytesIn = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.bytesIn = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.bytesOut = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.bytesOut = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.traceId = "";
                    object.spanId = "";
                }
                if (message.stage != null && $Object.hasOwnProperty.call(message, "stage"))
                    object.stage = message.stage;
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance"))
                    object.instance = message.instance;
                if (message.startedAtMs != null && $Object.hasOwnProperty.call(message, "startedAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.startedAtMs = typeof message.startedAtMs === "number" ? $BigInt(message.startedAtMs) : $util.Long.fromBits(message.startedAtMs.low >>> 0, message.startedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.startedAtMs === "number")
                        object.startedAtMs = options.longs === $String ? $String(message.startedAtMs) : message.startedAtMs;
                    else
                        object.startedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.startedAtMs) : options.longs === $Number ? new $util.LongBits(message.startedAtMs.low >>> 0, message.startedAtMs.high >>> 0).toNumber() : message.startedAtMs;
                if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs"))
                    object.durationMs = options.json && !$isFinite(message.durationMs) ? $String(message.durationMs) : message.durationMs;
                if (message.rowsIn != null && $Object.hasOwnProperty.call(message, "rowsIn"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.rowsIn = typeof message.rowsIn === "number" ? $BigInt(message.rowsIn) : $util.Long.fromBits(message.rowsIn.low >>> 0, message.rowsIn.high >>> 0, false).toBigInt();
                    else if (typeof message.rowsIn === "number")
                        object.rowsIn = options.longs === $String ? $String(message.rowsIn) : message.rowsIn;
                    else
                        object.rowsIn = options.longs === $String ? $util.Long.prototype.toString.call(message.rowsIn) : options.longs === $Number ? new $util.LongBits(message.rowsIn.low >>> 0, message.rowsIn.high >>> 0).toNumber() : message.rowsIn;
                if (message.rowsOut != null && $Object.hasOwnProperty.call(message, "rowsOut"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.rowsOut = typeof message.rowsOut === "number" ? $BigInt(message.rowsOut) : $util.Long.fromBits(message.rowsOut.low >>> 0, message.rowsOut.high >>> 0, false).toBigInt();
                    else if (typeof message.rowsOut === "number")
                        object.rowsOut = options.longs === $String ? $String(message.rowsOut) : message.rowsOut;
                    else
                        object.rowsOut = options.longs === $String ? $util.Long.prototype.toString.call(message.rowsOut) : options.longs === $Number ? new $util.LongBits(message.rowsOut.low >>> 0, message.rowsOut.high >>> 0).toNumber() : message.rowsOut;
                if (message.bytesIn != null && $Object.hasOwnProperty.call(message, "bytesIn"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.bytesIn = typeof message.bytesIn === "number" ? $BigInt(message.bytesIn) : $util.Long.fromBits(message.bytesIn.low >>> 0, message.bytesIn.high >>> 0, false).toBigInt();
                    else if (typeof message.bytesIn === "number")
                        object.bytesIn = options.longs === $String ? $String(message.bytesIn) : message.bytesIn;
                    else
                        object.bytesIn = options.longs === $String ? $util.Long.prototype.toString.call(message.bytesIn) : options.longs === $Number ? new $util.LongBits(message.bytesIn.low >>> 0, message.bytesIn.high >>> 0).toNumber() : message.bytesIn;
                if (message.bytesOut != null && $Object.hasOwnProperty.call(message, "bytesOut"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.bytesOut = typeof message.bytesOut === "number" ? $BigInt(message.bytesOut) : $util.Long.fromBits(message.bytesOut.low >>> 0, message.bytesOut.high >>> 0, false).toBigInt();
                    else if (typeof message.bytesOut === "number")
                        object.bytesOut = options.longs === $String ? $String(message.bytesOut) : message.bytesOut;
                    else
                        object.bytesOut = options.longs === $String ? $util.Long.prototype.toString.call(message.bytesOut) : options.longs === $Number ? new $util.LongBits(message.bytesOut.low >>> 0, message.bytesOut.high >>> 0).toNumber() : message.bytesOut;
                if (message.traceId != null && $Object.hasOwnProperty.call(message, "traceId"))
                    object.traceId = message.traceId;
                if (message.spanId != null && $Object.hasOwnProperty.call(message, "spanId"))
                    object.spanId = message.spanId;
                return object;
            };

            /**
             * Converts this StageTiming to JSON.
             * @function toJSON
             * @memberof tensorhop.v1.StageTiming
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StageTiming.prototype.toJSON = function() {
                return StageTiming.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StageTiming;
        })();

        v1.InferResponse = (function() {

            /**
             * Properties of an InferResponse.
             * @typedef {Object} tensorhop.v1.InferResponse.$Properties
             * @property {Array.<string>|null} [outputNames] InferResponse outputNames
             * @property {Array.<tensorhop.v1.Tensor.$Properties>|null} [outputTensors] InferResponse outputTensors
             * @property {Array.<string>|null} [keys] InferResponse keys
             * @property {Array.<tensorhop.v1.RowError.$Properties>|null} [errors] InferResponse errors
             * @property {Array.<tensorhop.v1.StageTiming.$Properties>|null} [trace] InferResponse trace
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InferResponse.
             * @memberof tensorhop.v1
             * @interface IInferResponse
             * @augments tensorhop.v1.InferResponse.$Properties
             * @deprecated Use tensorhop.v1.InferResponse.$Properties instead.
             */

            /**
             * Shape of an InferResponse.
             * @typedef {tensorhop.v1.InferResponse.$Properties} tensorhop.v1.InferResponse.$Shape
             */

            /**
             * Constructs a new InferResponse.
             * @memberof tensorhop.v1
             * @classdesc Represents an InferResponse.
             * @constructor
             * @param {tensorhop.v1.InferResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InferResponse = function (properties) {
                this.outputNames = [];
                this.outputTensors = [];
                this.keys = [];
                this.errors = [];
                this.trace = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * InferResponse outputNames.
             * @member {Array.<string>} outputNames
             * @memberof tensorhop.v1.InferResponse
             * @instance
             */
            InferResponse.prototype.outputNames = $util.emptyArray;

            /**
             * InferResponse outputTensors.
             * @member {Array.<tensorhop.v1.Tensor.$Properties>} outputTensors
             * @memberof tensorhop.v1.InferResponse
             * @instance
             */
            InferResponse.prototype.outputTensors = $util.emptyArray;

            /**
             * InferResponse keys.
             * @member {Array.<string>} keys
             * @memberof tensorhop.v1.InferResponse
             * @instance
             */
            InferResponse.prototype.keys = $util.emptyArray;

            /**
             * InferResponse errors.
             * @member {Array.<tensorhop.v1.RowError.$Properties>} errors
             * @memberof tensorhop.v1.InferResponse
             * @instance
             */
            InferResponse.prototype.errors = $util.emptyArray;

            /**
             * InferResponse trace.
             * @member {Array.<tensorhop.v1.StageTiming.$Properties>} trace
             * @memberof tensorhop.v1.InferResponse
             * @instance
             */
            InferResponse.prototype.trace = $util.emptyArray;

            /**
             * Creates a new InferResponse instance using the specified properties.
             * @function create
             * @memberof tensorhop.v1.InferResponse
             * @static
             * @param {tensorhop.v1.InferResponse.$Properties=} [properties] Properties to set
             * @returns {tensorhop.v1.InferResponse} InferResponse instance
             * @type {{
             *   (properties: tensorhop.v1.InferResponse.$Shape): tensorhop.v1.InferResponse & tensorhop.v1.InferResponse.$Shape;
             *   (properties?: tensorhop.v1.InferResponse.$Properties): tensorhop.v1.InferResponse;
             * }}
             */
            InferResponse.create = function(properties) {
                return new InferResponse(properties);
            };

            /**
             * Encodes the specified InferResponse message. Does not implicitly {@link tensorhop.v1.InferResponse.verify|verify} messages.
             * @function encode
             * @memberof tensorhop.v1.InferResponse
             * @static
             * @param {tensorhop.v1.InferResponse.$Properties} message InferResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InferResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.outputNames != null && message.outputNames.length)
                    for (let i = 0; i < message.outputNames.length; ++i)
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.outputNames[i]);
                if (message.outputTensors != null && message.outputTensors.length)
                    for (let i = 0; i < message.outputTensors.length; ++i)
                        $root.tensorhop.v1.Tensor.encode(message.outputTensors[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.keys != null && message.keys.length)
                    for (let i = 0; i < message.keys.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.keys[i]);
                if (message.errors != null && message.errors.length)
                    for (let i = 0; i < message.errors.length; ++i)
                        $root.tensorhop.v1.RowError.encode(message.errors[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.trace != null && message.trace.length)
                    for (let i = 0; i < message.trace.length; ++i)
                        $root.tensorhop.v1.StageTiming.encode(message.trace[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an InferResponse message from the specified reader or buffer.
             * @function decode
             * @memberof tensorhop.v1.InferResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorhop.v1.InferResponse & tensorhop.v1.InferResponse.$Shape} InferResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InferResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorhop.v1.InferResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.outputNames && message.outputNames.length))
                                message.outputNames = [];
                            message.outputNames.push(reader.stringVerify());
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.outputTensors && message.outputTensors.length))
                                message.outputTensors = [];
                            message.outputTensors.push($root.tensorhop.v1.Tensor.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.keys && message.keys.length))
                                message.keys = [];
                            message.keys.push(reader.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.errors && message.errors.length))
                                message.errors = [];
                            message.errors.push($root.tensorhop.v1.RowError.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.trace && message.trace.length))
                                message.trace = [];
                            message.trace.push($root.tensorhop.v1.StageTiming.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an InferResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorhop.v1.InferResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorhop.v1.InferResponse} InferResponse
             */
            InferResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorhop.v1.InferResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorhop.v1.InferResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tensorhop.v1.InferResponse();
                if (object.outputNames) {
                    if (!$Array.isArray(object.outputNames))
                        throw $TypeError(".tensorhop.v1.InferResponse.outputNames: array expected");
                    message.outputNames = $Array(object.outputNames.length);
                    for (let i = 0; i < object.outputNames.length; ++i)
                        message.outputNames[i] = $String(object.outputNames[i]);
                }
                if (object.outputTensors) {
                    if (!$Array.isArray(object.outputTensors))
                        throw $TypeError(".tensorhop.v1.InferResponse.outputTensors: array expected");
                    message.outputTensors = $Array(object.outputTensors.length);
                    for (let i = 0; i < object.outputTensors.length; ++i) {
                        if (!$util.isObject(object.outputTensors[i]))
                            throw $TypeError(".tensorhop.v1.InferResponse.outputTensors: object expected");
                        message.outputTensors[i] = $root.tensorhop.v1.Tensor.fromObject(object.outputTensors[i], _depth + 1);
                    }
                }
                if (object.keys) {
                    if (!$Array.isArray(object.keys))
                        throw $TypeError(".tensorhop.v1.InferResponse.keys: array expected");
                    message.keys = $Array(object.keys.length);
                    for (let i = 0; i < object.keys.length; ++i)
                        message.keys[i] = $String(object.keys[i]);
                }
                if (object.errors) {
                    if (!$Array.isArray(object.errors))
                        throw $TypeError(".tensorhop.v1.InferResponse.errors: array expected");
                    message.errors = $Array(object.errors.length);
                    for (let i = 0; i < object.errors.length; ++i) {
                        if (!$util.isObject(object.errors[i]))
                            throw $TypeError(".tensorhop.v1.InferResponse.errors: object expected");
                        message.errors[i] = $root.tensorhop.v1.RowError.fromObject(object.errors[i], _depth + 1);
                    }
                }
                if (object.trace) {
                    if (!$Array.isArray(object.trace))
                        throw $TypeError(".tensorhop.v1.InferResponse.trace: array expected");
                    message.trace = $Array(object.trace.length);
                    for (let i = 0; i < object.trace.length; ++i) {
                        if (!$util.isObject(object.trace[i]))
                            throw $TypeError(".tensorhop.v1.InferResponse.trace: object expected");
                        message.trace[i] = $root.tensorhop.v1.StageTiming.fromObject(object.trace[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an InferResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorhop.v1.InferResponse
             * @static
             * @param {tensorhop.v1.InferResponse} message InferResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InferResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.outputNames = [];
                    object.outputTensors = [];
                    object.keys = [];
                    object.errors = [];
                    object.trace = [];
                }
                if (message.outputNames && message.outputNames.length) {
                    object.outputNames = $Array(message.outputNames.length);
                    for (let j = 0; j < message.outputNames.length; ++j)
                        object.outputNames[j] = message.outputNames[j];
                }
                if (message.outputTensors && message.outputTensors.length) {
                    object.outputTensors = $Array(message.outputTensors.length);
                    for (let j = 0; j < message.outputTensors.length; ++j)
                        object.outputTensors[j] = $root.tensorhop.v1.Tensor.toObject(message.outputTensors[j], options, _depth + 1);
                }
                if (message.keys && message.keys.length) {
                    object.keys = $Array(message.keys.length);
                    for (let j = 0; j < message.keys.length; ++j)
                        object.keys[j] = message.keys[j];
                }
                if (message.errors && message.errors.length) {
                    object.errors = $Array(message.errors.length);
                    for (let j = 0; j < message.errors.length; ++j)
                        object.errors[j] = $root.tensorhop.v1.RowError.toObject(message.errors[j], options, _depth + 1);
                }
                if (message.trace && message.trace.length) {
                    object.trace = $Array(message.trace.length);
                    for (let j = 0; j < message.trace.length; ++j)
                        object.trace[j] = $root.tensorhop.v1.StageTiming.toObject(message.trace[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this InferResponse to JSON.
             * @function toJSON
             * @memberof tensorhop.v1.InferResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InferResponse.prototype.toJSON = function() {
                return InferResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return InferResponse;
        })();

        v1.IOMetadata = (function() {

            /**
             * Properties of a IOMetadata.
             * @typedef {Object} tensorhop.v1.IOMetadata.$Properties
             * @property {string|null} [name] IOMetadata name
             * @property {string|null} [description] IOMetadata description
             * @property {Array.<number>|null} [shape] IOMetadata shape
             * @property {tensorhop.v1.DType|null} [type] IOMetadata type
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a IOMetadata.
             * @memberof tensorhop.v1
             * @interface IIOMetadata
             * @augments tensorhop.v1.IOMetadata.$Properties
             * @deprecated Use tensorhop.v1.IOMetadata.$Properties instead.
             */

            /**
             * Shape of a IOMetadata.
             * @typedef {tensorhop.v1.IOMetadata.$Properties} tensorhop.v1.IOMetadata.$Shape
             */

            /**
             * Constructs a new IOMetadata.
             * @memberof tensorhop.v1
             * @classdesc Represents a IOMetadata.
             * @constructor
             * @param {tensorhop.v1.IOMetadata.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const IOMetadata = function (properties) {
                this.shape = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * IOMetadata name.
             * @member {string} name
             * @memberof tensorhop.v1.IOMetadata
             * @instance
             */
            IOMetadata.prototype.name = "";

            /**
             * IOMetadata description.
             * @member {string} description
             * @memberof tensorhop.v1.IOMetadata
             * @instance
             */
            IOMetadata.prototype.description = "";

            /**
             * IOMetadata shape.
             * @member {Array.<number>} shape
             * @memberof tensorhop.v1.IOMetadata
             * @instance
             */
            IOMetadata.prototype.shape = $util.emptyArray;

            /**
             * IOMetadata type.
             * @member {tensorhop.v1.DType} type
             * @memberof tensorhop.v1.IOMetadata
             * @instance
             */
            IOMetadata.prototype.type = 0;

            /**
             * Creates a new IOMetadata instance using the specified properties.
             * @function create
             * @memberof tensorhop.v1.IOMetadata
             * @static
             * @param {tensorhop.v1.IOMetadata.$Properties=} [properties] Properties to set
             * @returns {tensorhop.v1.IOMetadata} IOMetadata instance
             * @type {{
             *   (properties: tensorhop.v1.IOMetadata.$Shape): tensorhop.v1.IOMetadata & tensorhop.v1.IOMetadata.$Shape;
             *   (properties?: tensorhop.v1.IOMetadata.$Properties): tensorhop.v1.IOMetadata;
             * }}
             */
            IOMetadata.create = function(properties) {
                return new IOMetadata(properties);
            };

            /**
             * Encodes the specified IOMetadata message. Does not implicitly {@link tensorhop.v1.IOMetadata.verify|verify} messages.
             * @function encode
             * @memberof tensorhop.v1.IOMetadata
             * @static
             * @param {tensorhop.v1.IOMetadata.$Properties} message IOMetadata message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            IOMetadata.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.description != null && $Object.hasOwnProperty.call(message, "description") && message.description !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.description);
                if (message.shape != null && message.shape.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).int64s(message.shape);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.type);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a IOMetadata message from the specified reader or buffer.
             * @function decode
             * @memberof tensorhop.v1.IOMetadata
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorhop.v1.IOMetadata & tensorhop.v1.IOMetadata.$Shape} IOMetadata
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            IOMetadata.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorhop.v1.IOMetadata();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.description = value;
                            else
                                delete message.description;
                            continue;
                        }
                    case 3: {
                            if (wireType === 2) {
                                if (!(message.shape && message.shape.length))
                                    message.shape = [];
                                reader.int64s(message.shape);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.shape && message.shape.length))
                                message.shape = [];
                            message.shape.push(reader.int64());
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a IOMetadata message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorhop.v1.IOMetadata
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorhop.v1.IOMetadata} IOMetadata
             */
            IOMetadata.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorhop.v1.IOMetadata)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorhop.v1.IOMetadata: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tensorhop.v1.IOMetadata();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.description != null)
                    if (typeof object.description !== "string" || object.description.length)
                        message.description = $String(object.description);
                if (object.shape) {
                    if (!$Array.isArray(object.shape))
                        throw $TypeError(".tensorhop.v1.IOMetadata.shape: array expected");
                    message.shape = $Array(object.shape.length);
                    for (let i = 0; i < object.shape.length; ++i)
                        if ($util.Long)
                            message.shape[i] = $util.Long.fromValue(object.shape[i], false);
                        else if (typeof object.shape[i] === "string")
                            message.shape[i] = $parseInt(object.shape[i], 10);
                        else if (typeof object.shape[i] === "number")
                            message.shape[i] = object.shape[i];
                        else if (typeof object.shape[i] === "object")
                            message.shape[i] = new $util.LongBits(object.shape[i].low >>> 0, object.shape[i].high >>> 0).toNumber();
                }
                if (object.type !== 0 && (typeof object.type !== "string" || $root.tensorhop.v1.DType[object.type] !== 0))
                    switch (object.type) {
                    case "NULL":
                    case 0:
                        message.type = 0;
                        break;
                    case "UINT8":
                    case 1:
                        message.type = 1;
                        break;
                    case "INT8":
                    case 2:
                        message.type = 2;
                        break;
                    case "UINT16":
                    case 3:
                        message.type = 3;
                        break;
                    case "INT16":
                    case 4:
                        message.type = 4;
                        break;
                    case "UINT32":
                    case 5:
                        message.type = 5;
                        break;
                    case "INT32":
                    case 6:
                        message.type = 6;
                        break;
                    case "UINT64":
                    case 7:
                        message.type = 7;
                        break;
                    case "INT64":
                    case 8:
                        message.type = 8;
                        break;
                    case "FLOAT16":
                    case 9:
                        message.type = 9;
                        break;
                    case "FLOAT32":
                    case 10:
                        message.type = 10;
                        break;
                    case "FLOAT64":
                    case 11:
                        message.type = 11;
                        break;
                    case "STRING":
                    case 12:
                        message.type = 12;
                        break;
                    case "BOOL":
                    case 13:
                        message.type = 13;
                        break;
                    default:
                        if (typeof object.type === "number" && (object.type | 0) === object.type)
                            message.type = object.type;
                    }
                return message;
            };

            /**
             * Creates a plain object from a IOMetadata message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorhop.v1.IOMetadata
             * @static
             * @param {tensorhop.v1.IOMetadata} message IOMetadata
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            IOMetadata.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.shape = [];
                if (options.defaults) {
                    object.name = "";
                    object.description = "";
                    object.type = options.enums === $String ? "NULL" : 0;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.description != null && $Object.hasOwnProperty.call(message, "description"))
                    object.description = message.description;
                if (message.shape && message.shape.length) {
                    object.shape = $Array(message.shape.length);
                    for (let j = 0; j < message.shape.length; ++j)
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.shape[j] = typeof message.shape[j] === "number" ? $BigInt(message.shape[j]) : $util.Long.fromBits(message.shape[j].low >>> 0, message.shape[j].high >>> 0, false).toBigInt();
                        else if (typeof message.shape[j] === "number")
                            object.shape[j] = options.longs === $String ? $String(message.shape[j]) : message.shape[j];
                        else
                            object.shape[j] = options.longs === $String ? $util.Long.prototype.toString.call(message.shape[j]) : options.longs === $Number ? new $util.LongBits(message.shape[j].low >>> 0, message.shape[j].high >>> 0).toNumber() : message.shape[j];
                }
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    object.type = options.enums === $String ? $root.tensorhop.v1.DType[message.type] === $undefined ? message.type : $root.tensorhop.v1.DType[message.type] : message.type;
                return object;
            };

            /**
             * Converts this IOMetadata to JSON.
             * @function toJSON
             * @memberof tensorhop.v1.IOMetadata
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            IOMetadata.prototype.toJSON = function() {
                return IOMetadata.toObject(this, $protobuf.util.toJSONOptions);
            };

            return IOMetadata;
        })();

        v1.MetadataResponse = (function() {

            /**
             * Properties of a MetadataResponse.
             * @typedef {Object} tensorhop.v1.MetadataResponse.$Properties
             * @property {string|null} [name] MetadataResponse name
             * @property {string|null} [version] MetadataResponse version
             * @property {string|null} [server] MetadataResponse server
             * @property {string|null} [description] MetadataResponse description
             * @property {Array.<tensorhop.v1.IOMetadata.$Properties>|null} [inputs] MetadataResponse inputs
             * @property {Array.<tensorhop.v1.IOMetadata.$Properties>|null} [outputs] MetadataResponse outputs
             * @property {string|null} [defaultNext] MetadataResponse defaultNext
             * @property {string|null} [preprocess] MetadataResponse preprocess
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MetadataResponse.
             * @memberof tensorhop.v1
             * @interface IMetadataResponse
             * @augments tensorhop.v1.MetadataResponse.$Properties
             * @deprecated Use tensorhop.v1.MetadataResponse.$Properties instead.
             */

            /**
             * Shape of a MetadataResponse.
             * @typedef {tensorhop.v1.MetadataResponse.$Properties} tensorhop.v1.MetadataResponse.$Shape
             */

            /**
             * Constructs a new MetadataResponse.
             * @memberof tensorhop.v1
             * @classdesc Represents a MetadataResponse.
             * @constructor
             * @param {tensorhop.v1.MetadataResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MetadataResponse = function (properties) {
                this.inputs = [];
                this.outputs = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * MetadataResponse name.
             * @member {string} name
             * @memberof tensorhop.v1.MetadataResponse
             * @instance
             */
            MetadataResponse.prototype.name = "";

            /**
             * MetadataResponse version.
             * @member {string} version
             * @memberof tensorhop.v1.MetadataResponse
             * @instance
             */
            MetadataResponse.prototype.version = "";

            /**
             * MetadataResponse server.
             * @member {string} server
             * @memberof tensorhop.v1.MetadataResponse
             * @instance
             */
            MetadataResponse.prototype.server = "";

            /**
             * MetadataResponse description.
             * @member {string} description
             * @memberof tensorhop.v1.MetadataResponse
             * @instance
             */
            MetadataResponse.prototype.description = "";

            /**
             * MetadataResponse inputs.
             * @member {Array.<tensorhop.v1.IOMetadata.$Properties>} inputs
             * @memberof tensorhop.v1.MetadataResponse
             * @instance
             */
            MetadataResponse.prototype.inputs = $util.emptyArray;

            /**
             * MetadataResponse outputs.
             * @member {Array.<tensorhop.v1.IOMetadata.$Properties>} outputs
             * @memberof tensorhop.v1.MetadataResponse
             * @instance
             */
            MetadataResponse.prototype.outputs = $util.emptyArray;

            /**
             * MetadataResponse defaultNext.
             * @member {string} defaultNext
             * @memberof tensorhop.v1.MetadataResponse
             * @instance
             */
            MetadataResponse.prototype.defaultNext = "";

            /**
             * MetadataResponse preprocess.
             * @member {string} preprocess
             * @memberof tensorhop.v1.MetadataResponse
             * @instance
             */
            MetadataResponse.prototype.preprocess = "";

            /**
             * Creates a new MetadataResponse instance using the specified properties.
             * @function create
             * @memberof tensorhop.v1.MetadataResponse
             * @static
             * @param {tensorhop.v1.MetadataResponse.$Properties=} [properties] Properties to set
             * @returns {tensorhop.v1.MetadataResponse} MetadataResponse instance
             * @type {{
             *   (properties: tensorhop.v1.MetadataResponse.$Shape): tensorhop.v1.MetadataResponse & tensorhop.v1.MetadataResponse.$Shape;
             *   (properties?: tensorhop.v1.MetadataResponse.$Properties): tensorhop.v1.MetadataResponse;
             * }}
             */
            MetadataResponse.create = function(properties) {
                return new MetadataResponse(properties);
            };

            /**
             * Encodes the specified MetadataResponse message. Does not implicitly {@link tensorhop.v1.MetadataResponse.verify|verify} messages.
             * @function encode
             * @memberof tensorhop.v1.MetadataResponse
             * @static
             * @param {tensorhop.v1.MetadataResponse.$Properties} message MetadataResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MetadataResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.version);
                if (message.server != null && $Object.hasOwnProperty.call(message, "server") && message.server !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.server);
                if (message.description != null && $Object.hasOwnProperty.call(message, "description") && message.description !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.description);
                if (message.inputs != null && message.inputs.length)
                    for (let i = 0; i < message.inputs.length; ++i)
                        $root.tensorhop.v1.IOMetadata.encode(message.inputs[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.outputs != null && message.outputs.length)
                    for (let i = 0; i < message.outputs.length; ++i)
                        $root.tensorhop.v1.IOMetadata.encode(message.outputs[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.defaultNext != null && $Object.hasOwnProperty.call(message, "defaultNext") && message.defaultNext !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.defaultNext);
                if (message.preprocess != null && $Object.hasOwnProperty.call(message, "preprocess") && message.preprocess !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.preprocess);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a MetadataResponse message from the specified reader or buffer.
             * @function decode
             * @memberof tensorhop.v1.MetadataResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorhop.v1.MetadataResponse & tensorhop.v1.MetadataResponse.$Shape} MetadataResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MetadataResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorhop.v1.MetadataResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.server = value;
                            else
                                delete message.server;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.description = value;
                            else
                                delete message.description;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.inputs && message.inputs.length))
                                message.inputs = [];
                            message.inputs.push($root.tensorhop.v1.IOMetadata.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.outputs && message.outputs.length))
                                message.outputs = [];
                            message.outputs.push($root.tensorhop.v1.IOMetadata.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.defaultNext = value;
                            else
                                delete message.defaultNext;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.preprocess = value;
                            else
                                delete message.preprocess;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a MetadataResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorhop.v1.MetadataResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorhop.v1.MetadataResponse} MetadataResponse
             */
            MetadataResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorhop.v1.MetadataResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorhop.v1.MetadataResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tensorhop.v1.MetadataResponse();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.version != null)
                    if (typeof object.version !== "string" || object.version.length)
                        message.version = $String(object.version);
                if (object.server != null)
                    if (typeof object.server !== "string" || object.server.length)
                        message.server = $String(object.server);
                if (object.description != null)
                    if (typeof object.description !== "string" || object.description.length)
                        message.description = $String(object.description);
                if (object.inputs) {
                    if (!$Array.isArray(object.inputs))
                        throw $TypeError(".tensorhop.v1.MetadataResponse.inputs: array expected");
                    message.inputs = $Array(object.inputs.length);
                    for (let i = 0; i < object.inputs.length; ++i) {
                        if (!$util.isObject(object.inputs[i]))
                            throw $TypeError(".tensorhop.v1.MetadataResponse.inputs: object expected");
                        message.inputs[i] = $root.tensorhop.v1.IOMetadata.fromObject(object.inputs[i], _depth + 1);
                    }
                }
                if (object.outputs) {
                    if (!$Array.isArray(object.outputs))
                        throw $TypeError(".tensorhop.v1.MetadataResponse.outputs: array expected");
                    message.outputs = $Array(object.outputs.length);
                    for (let i = 0; i < object.outputs.length; ++i) {
                        if (!$util.isObject(object.outputs[i]))
                            throw $TypeError(".tensorhop.v1.MetadataResponse.outputs: object expected");
                        message.outputs[i] = $root.tensorhop.v1.IOMetadata.fromObject(object.outputs[i], _depth + 1);
                    }
                }
                if (object.defaultNext != null)
                    if (typeof object.defaultNext !== "string" || object.defaultNext.length)
                        message.defaultNext = $String(object.defaultNext);
                if (object.preprocess != null)
                    if (typeof object.preprocess !== "string" || object.preprocess.length)
                        message.preprocess = $String(object.preprocess);
                return message;
            };

            /**
             * Creates a plain object from a MetadataResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorhop.v1.MetadataResponse
             * @static
             * @param {tensorhop.v1.MetadataResponse} message MetadataResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            MetadataResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.inputs = [];
                    object.outputs = [];
                }
                if (options.defaults) {
                    object.name = "";
                    object.version = "";
                    object.server = "";
                    object.description = "";
                    object.defaultNext = "";
                    object.preprocess = "";
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.server != null && $Object.hasOwnProperty.call(message, "server"))
                    object.server = message.server;
                if (message.description != null && $Object.hasOwnProperty.call(message, "description"))
                    object.description = message.description;
                if (message.inputs && message.inputs.length) {
                    object.inputs = $Array(message.inputs.length);
                    for (let j = 0; j < message.inputs.length; ++j)
                        object.inputs[j] = $root.tensorhop.v1.IOMetadata.toObject(message.inputs[j], options, _depth + 1);
                }
                if (message.outputs && message.outputs.length) {
                    object.outputs = $Array(message.outputs.length);
                    for (let j = 0; j < message.outputs.length; ++j)
                        object.outputs[j] = $root.tensorhop.v1.IOMetadata.toObject(message.outputs[j], options, _depth + 1);
                }
                if (message.defaultNext != null && $Object.hasOwnProperty.call(message, "defaultNext"))
                    object.defaultNext = message.defaultNext;
                if (message.preprocess != null && $Object.hasOwnProperty.call(message, "preprocess"))
                    object.preprocess = message.preprocess;
                return object;
            };

            /**
             * Converts this MetadataResponse to JSON.
             * @function toJSON
             * @memberof tensorhop.v1.MetadataResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            MetadataResponse.prototype.toJSON = function() {
                return MetadataResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return MetadataResponse;
        })();

        return v1;
    })();

    return tensorhop;
})();

export {
  $root as default
};
