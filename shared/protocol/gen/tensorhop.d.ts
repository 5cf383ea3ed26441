import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace tensorhop. */
export namespace tensorhop {

    /** Namespace v1. */
    namespace v1 {

        /** DType enum. */
        enum DType {

            /** NULL value */
            NULL = 0,

            /** UINT8 value */
            UINT8 = 1,

            /** INT8 value */
            INT8 = 2,

            /** UINT16 value */
            UINT16 = 3,

            /** INT16 value */
            INT16 = 4,

            /** UINT32 value */
            UINT32 = 5,

            /** INT32 value */
            INT32 = 6,

            /** UINT64 value */
            UINT64 = 7,

            /** INT64 value */
            INT64 = 8,

            /** FLOAT16 value */
            FLOAT16 = 9,

            /** FLOAT32 value */
            FLOAT32 = 10,

            /** FLOAT64 value */
            FLOAT64 = 11,

            /** STRING value */
            STRING = 12,

            /** BOOL value */
            BOOL = 13
        }

        /**
         * Properties of a Tensor.
         * @deprecated Use tensorhop.v1.Tensor.$Properties instead.
         */
        interface ITensor extends tensorhop.v1.Tensor.$Properties {
        }

        /** Represents a Tensor. */
        class Tensor {

            /**
             * Constructs a new Tensor.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorhop.v1.Tensor.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Tensor type. */
            type: tensorhop.v1.DType;

            /** Tensor shape. */
            shape: number[];

            /** Tensor data. */
            data: Uint8Array;

            /** Tensor stringVal. */
            stringVal: Uint8Array[];

            /**
             * Creates a new Tensor instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Tensor instance
             */
            static create(properties: tensorhop.v1.Tensor.$Shape): tensorhop.v1.Tensor & tensorhop.v1.Tensor.$Shape;
            static create(properties?: tensorhop.v1.Tensor.$Properties): tensorhop.v1.Tensor;

            /**
             * Encodes the specified Tensor message. Does not implicitly {@link tensorhop.v1.Tensor.verify|verify} messages.
             * @param message Tensor message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorhop.v1.Tensor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Tensor message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorhop.v1.Tensor & tensorhop.v1.Tensor.$Shape} Tensor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorhop.v1.Tensor & tensorhop.v1.Tensor.$Shape;

            /**
             * Creates a Tensor message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Tensor
             */
            static fromObject(object: { [k: string]: any }): tensorhop.v1.Tensor;

            /**
             * Creates a plain object from a Tensor message. Also converts values to other types if specified.
             * @param message Tensor
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorhop.v1.Tensor, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Tensor to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Tensor {

            /** Properties of a Tensor. */
            interface $Properties {

                /** Tensor type */
                type?: (tensorhop.v1.DType|null);

                /** Tensor shape */
                shape?: (number[]|null);

                /** Tensor data */
                data?: (Uint8Array|null);

                /** Tensor stringVal */
                stringVal?: (Uint8Array[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Tensor. */
            type $Shape = tensorhop.v1.Tensor.$Properties;
        }

        /**
         * Properties of a Request.
         * @deprecated Use tensorhop.v1.Request.$Properties instead.
         */
        interface IRequest extends tensorhop.v1.Request.$Properties {
        }

        /** Represents a Request. */
        class Request {

            /**
             * Constructs a new Request.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorhop.v1.Request.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Request infer. */
            infer?: (tensorhop.v1.InferRequest.$Properties|null);

            /** Request metadata. */
            metadata?: (tensorhop.v1.MetadataRequest.$Properties|null);

            /** Request req. */
            req?: ("infer"|"metadata");

            /**
             * Creates a new Request instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Request instance
             */
            static create(properties: tensorhop.v1.Request.$Shape): tensorhop.v1.Request & tensorhop.v1.Request.$Shape;
            static create(properties?: tensorhop.v1.Request.$Properties): tensorhop.v1.Request;

            /**
             * Encodes the specified Request message. Does not implicitly {@link tensorhop.v1.Request.verify|verify} messages.
             * @param message Request message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorhop.v1.Request.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Request message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorhop.v1.Request & tensorhop.v1.Request.$Shape} Request
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorhop.v1.Request & tensorhop.v1.Request.$Shape;

            /**
             * Creates a Request message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Request
             */
            static fromObject(object: { [k: string]: any }): tensorhop.v1.Request;

            /**
             * Creates a plain object from a Request message. Also converts values to other types if specified.
             * @param message Request
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorhop.v1.Request, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Request to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Request {

            /** Properties of a Request. */
            interface $Properties {

                /** Request infer */
                infer?: (tensorhop.v1.InferRequest.$Properties|null);

                /** Request metadata */
                metadata?: (tensorhop.v1.MetadataRequest.$Properties|null);

                /** Request req */
                req?: ("infer"|"metadata");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Request. */
            type $Shape = {
              infer?: tensorhop.v1.InferRequest.$Shape|null;
              metadata?: tensorhop.v1.MetadataRequest.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ req?: undefined; infer?: null; metadata?: null }|{ req?: "infer"; infer: tensorhop.v1.InferRequest.$Shape; metadata?: null }|{ req?: "metadata"; infer?: null; metadata: tensorhop.v1.MetadataRequest.$Shape })
            );
        }

        /**
         * Properties of a MetadataRequest.
         * @deprecated Use tensorhop.v1.MetadataRequest.$Properties instead.
         */
        interface IMetadataRequest extends tensorhop.v1.MetadataRequest.$Properties {
        }

        /** Represents a MetadataRequest. */
        class MetadataRequest {

            /**
             * Constructs a new MetadataRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorhop.v1.MetadataRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MetadataRequest config. */
            config: string;

            /**
             * Creates a new MetadataRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MetadataRequest instance
             */
            static create(properties: tensorhop.v1.MetadataRequest.$Shape): tensorhop.v1.MetadataRequest & tensorhop.v1.MetadataRequest.$Shape;
            static create(properties?: tensorhop.v1.MetadataRequest.$Properties): tensorhop.v1.MetadataRequest;

            /**
             * Encodes the specified MetadataRequest message. Does not implicitly {@link tensorhop.v1.MetadataRequest.verify|verify} messages.
             * @param message MetadataRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorhop.v1.MetadataRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MetadataRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorhop.v1.MetadataRequest & tensorhop.v1.MetadataRequest.$Shape} MetadataRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorhop.v1.MetadataRequest & tensorhop.v1.MetadataRequest.$Shape;

            /**
             * Creates a MetadataRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MetadataRequest
             */
            static fromObject(object: { [k: string]: any }): tensorhop.v1.MetadataRequest;

            /**
             * Creates a plain object from a MetadataRequest message. Also converts values to other types if specified.
             * @param message MetadataRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorhop.v1.MetadataRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MetadataRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace MetadataRequest {

            /** Properties of a MetadataRequest. */
            interface $Properties {

                /** MetadataRequest config */
                config?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MetadataRequest. */
            type $Shape = tensorhop.v1.MetadataRequest.$Properties;
        }

        /**
         * Properties of a Hop.
         * @deprecated Use tensorhop.v1.Hop.$Properties instead.
         */
        interface IHop extends tensorhop.v1.Hop.$Properties {
        }

        /** Represents a Hop. */
        class Hop {

            /**
             * Constructs a new Hop.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorhop.v1.Hop.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Hop target. */
            target: string;

            /** Hop config. */
            config: string;

            /** Hop outputNames. */
            outputNames: string[];

            /**
             * Creates a new Hop instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Hop instance
             */
            static create(properties: tensorhop.v1.Hop.$Shape): tensorhop.v1.Hop & tensorhop.v1.Hop.$Shape;
            static create(properties?: tensorhop.v1.Hop.$Properties): tensorhop.v1.Hop;

            /**
             * Encodes the specified Hop message. Does not implicitly {@link tensorhop.v1.Hop.verify|verify} messages.
             * @param message Hop message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorhop.v1.Hop.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Hop message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorhop.v1.Hop & tensorhop.v1.Hop.$Shape} Hop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorhop.v1.Hop & tensorhop.v1.Hop.$Shape;

            /**
             * Creates a Hop message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Hop
             */
            static fromObject(object: { [k: string]: any }): tensorhop.v1.Hop;

            /**
             * Creates a plain object from a Hop message. Also converts values to other types if specified.
             * @param message Hop
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorhop.v1.Hop, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Hop to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Hop {

            /** Properties of a Hop. */
            interface $Properties {

                /** Hop target */
                target?: (string|null);

                /** Hop config */
                config?: (string|null);

                /** Hop outputNames */
                outputNames?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Hop. */
            type $Shape = tensorhop.v1.Hop.$Properties;
        }

        /**
         * Properties of a Route.
         * @deprecated Use tensorhop.v1.Route.$Properties instead.
         */
        interface IRoute extends tensorhop.v1.Route.$Properties {
        }

        /** Represents a Route. */
        class Route {

            /**
             * Constructs a new Route.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorhop.v1.Route.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Route next. */
            next: tensorhop.v1.Hop.$Properties[];

            /** Route mode. */
            mode: tensorhop.v1.Route.Mode;

            /** Route hopsLeft. */
            hopsLeft: number;

            /**
             * Creates a new Route instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Route instance
             */
            static create(properties: tensorhop.v1.Route.$Shape): tensorhop.v1.Route & tensorhop.v1.Route.$Shape;
            static create(properties?: tensorhop.v1.Route.$Properties): tensorhop.v1.Route;

            /**
             * Encodes the specified Route message. Does not implicitly {@link tensorhop.v1.Route.verify|verify} messages.
             * @param message Route message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorhop.v1.Route.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Route message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorhop.v1.Route & tensorhop.v1.Route.$Shape} Route
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorhop.v1.Route & tensorhop.v1.Route.$Shape;

            /**
             * Creates a Route message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Route
             */
            static fromObject(object: { [k: string]: any }): tensorhop.v1.Route;

            /**
             * Creates a plain object from a Route message. Also converts values to other types if specified.
             * @param message Route
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorhop.v1.Route, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Route to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Route {

            /** Properties of a Route. */
            interface $Properties {

                /** Route next */
                next?: (tensorhop.v1.Hop.$Properties[]|null);

                /** Route mode */
                mode?: (tensorhop.v1.Route.Mode|null);

                /** Route hopsLeft */
                hopsLeft?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Route. */
            type $Shape = tensorhop.v1.Route.$Properties;

            /** Mode enum. */
            enum Mode {

                /** DEFAULT value */
                DEFAULT = 0,

                /** EXACT value */
                EXACT = 1
            }
        }

        /**
         * Properties of an InferRequest.
         * @deprecated Use tensorhop.v1.InferRequest.$Properties instead.
         */
        interface IInferRequest extends tensorhop.v1.InferRequest.$Properties {
        }

        /** Represents an InferRequest. */
        class InferRequest {

            /**
             * Constructs a new InferRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorhop.v1.InferRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** InferRequest config. */
            config: string;

            /** InferRequest inputNames. */
            inputNames: string[];

            /** InferRequest inputTensors. */
            inputTensors: tensorhop.v1.Tensor.$Properties[];

            /** InferRequest outputNames. */
            outputNames: string[];

            /** InferRequest keys. */
            keys: string[];

            /** InferRequest route. */
            route?: (tensorhop.v1.Route.$Properties|null);

            /** InferRequest traceId. */
            traceId: string;

            /**
             * Creates a new InferRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns InferRequest instance
             */
            static create(properties: tensorhop.v1.InferRequest.$Shape): tensorhop.v1.InferRequest & tensorhop.v1.InferRequest.$Shape;
            static create(properties?: tensorhop.v1.InferRequest.$Properties): tensorhop.v1.InferRequest;

            /**
             * Encodes the specified InferRequest message. Does not implicitly {@link tensorhop.v1.InferRequest.verify|verify} messages.
             * @param message InferRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorhop.v1.InferRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an InferRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorhop.v1.InferRequest & tensorhop.v1.InferRequest.$Shape} InferRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorhop.v1.InferRequest & tensorhop.v1.InferRequest.$Shape;

            /**
             * Creates an InferRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns InferRequest
             */
            static fromObject(object: { [k: string]: any }): tensorhop.v1.InferRequest;

            /**
             * Creates a plain object from an InferRequest message. Also converts values to other types if specified.
             * @param message InferRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorhop.v1.InferRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this InferRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace InferRequest {

            /** Properties of an InferRequest. */
            interface $Properties {

                /** InferRequest config */
                config?: (string|null);

                /** InferRequest inputNames */
                inputNames?: (string[]|null);

                /** InferRequest inputTensors */
                inputTensors?: (tensorhop.v1.Tensor.$Properties[]|null);

                /** InferRequest outputNames */
                outputNames?: (string[]|null);

                /** InferRequest keys */
                keys?: (string[]|null);

                /** InferRequest route */
                route?: (tensorhop.v1.Route.$Properties|null);

                /** InferRequest traceId */
                traceId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an InferRequest. */
            type $Shape = tensorhop.v1.InferRequest.$Properties;
        }

        /**
         * Properties of a RowError.
         * @deprecated Use tensorhop.v1.RowError.$Properties instead.
         */
        interface IRowError extends tensorhop.v1.RowError.$Properties {
        }

        /** Represents a RowError. */
        class RowError {

            /**
             * Constructs a new RowError.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorhop.v1.RowError.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RowError key. */
            key: string;

            /** RowError code. */
            code: string;

            /** RowError message. */
            message: string;

            /** RowError stage. */
            stage: string;

            /**
             * Creates a new RowError instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RowError instance
             */
            static create(properties: tensorhop.v1.RowError.$Shape): tensorhop.v1.RowError & tensorhop.v1.RowError.$Shape;
            static create(properties?: tensorhop.v1.RowError.$Properties): tensorhop.v1.RowError;

            /**
             * Encodes the specified RowError message. Does not implicitly {@link tensorhop.v1.RowError.verify|verify} messages.
             * @param message RowError message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorhop.v1.RowError.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RowError message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorhop.v1.RowError & tensorhop.v1.RowError.$Shape} RowError
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorhop.v1.RowError & tensorhop.v1.RowError.$Shape;

            /**
             * Creates a RowError message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RowError
             */
            static fromObject(object: { [k: string]: any }): tensorhop.v1.RowError;

            /**
             * Creates a plain object from a RowError message. Also converts values to other types if specified.
             * @param message RowError
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorhop.v1.RowError, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RowError to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace RowError {

            /** Properties of a RowError. */
            interface $Properties {

                /** RowError key */
                key?: (string|null);

                /** RowError code */
                code?: (string|null);

                /** RowError message */
                message?: (string|null);

                /** RowError stage */
                stage?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RowError. */
            type $Shape = tensorhop.v1.RowError.$Properties;
        }

        /**
         * Properties of a StageTiming.
         * @deprecated Use tensorhop.v1.StageTiming.$Properties instead.
         */
        interface IStageTiming extends tensorhop.v1.StageTiming.$Properties {
        }

        /** Represents a StageTiming. */
        class StageTiming {

            /**
             * Constructs a new StageTiming.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorhop.v1.StageTiming.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StageTiming stage. */
            stage: string;

            /** StageTiming instance. */
            instance: string;

            /** StageTiming startedAtMs. */
            startedAtMs: number;

            /** StageTiming durationMs. */
            durationMs: number;

            /** StageTiming rowsIn. */
            rowsIn: number;

            /** StageTiming rowsOut. */
            rowsOut: number;

            /** StageTiming bytesIn. */
            bytesIn: number;

            /** StageTiming bytesOut. */
            bytesOut: number;

            /** StageTiming traceId. */
            traceId: string;

            /** StageTiming spanId. */
            spanId: string;

            /**
             * Creates a new StageTiming instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StageTiming instance
             */
            static create(properties: tensorhop.v1.StageTiming.$Shape): tensorhop.v1.StageTiming & tensorhop.v1.StageTiming.$Shape;
            static create(properties?: tensorhop.v1.StageTiming.$Properties): tensorhop.v1.StageTiming;

            /**
             * Encodes the specified StageTiming message. Does not implicitly {@link tensorhop.v1.StageTiming.verify|verify} messages.
             * @param message StageTiming message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorhop.v1.StageTiming.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StageTiming message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorhop.v1.StageTiming & tensorhop.v1.StageTiming.$Shape} StageTiming
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorhop.v1.StageTiming & tensorhop.v1.StageTiming.$Shape;

            /**
             * Creates a StageTiming message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns StageTiming
             */
            static fromObject(object: { [k: string]: any }): tensorhop.v1.StageTiming;

            /**
             * Creates a plain object from a StageTiming message. Also converts values to other types if specified.
             * @param message StageTiming
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorhop.v1.StageTiming, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StageTiming to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace StageTiming {

            /** Properties of a StageTiming. */
            interface $Properties {

                /** StageTiming stage */
                stage?: (string|null);

                /** StageTiming instance */
                instance?: (string|null);

                /** StageTiming startedAtMs */
                startedAtMs?: (number|null);

                /** StageTiming durationMs */
                durationMs?: (number|null);

                /** StageTiming rowsIn */
                rowsIn?: (number|null);

                /** StageTiming rowsOut */
                rowsOut?: (number|null);

                /** StageTiming bytesIn */
                bytesIn?: (number|null);

                /** StageTiming bytesOut */
                bytesOut?: (number|null);

                /** StageTiming traceId */
                traceId?: (string|null);

                /** StageTiming spanId */
                spanId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StageTiming. */
            type $Shape = tensorhop.v1.StageTiming.$Properties;
        }

        /**
         * Properties of an InferResponse.
         * @deprecated Use tensorhop.v1.InferResponse.$Properties instead.
         */
        interface IInferResponse extends tensorhop.v1.InferResponse.$Properties {
        }

        /** Represents an InferResponse. */
        class InferResponse {

            /**
             * Constructs a new InferResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorhop.v1.InferResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** InferResponse outputNames. */
            outputNames: string[];

            /** InferResponse outputTensors. */
            outputTensors: tensorhop.v1.Tensor.$Properties[];

            /** InferResponse keys. */
            keys: string[];

            /** InferResponse errors. */
            errors: tensorhop.v1.RowError.$Properties[];

            /** InferResponse trace. */
            trace: tensorhop.v1.StageTiming.$Properties[];

            /**
             * Creates a new InferResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns InferResponse instance
             */
            static create(properties: tensorhop.v1.InferResponse.$Shape): tensorhop.v1.InferResponse & tensorhop.v1.InferResponse.$Shape;
            static create(properties?: tensorhop.v1.InferResponse.$Properties): tensorhop.v1.InferResponse;

            /**
             * Encodes the specified InferResponse message. Does not implicitly {@link tensorhop.v1.InferResponse.verify|verify} messages.
             * @param message InferResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorhop.v1.InferResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an InferResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorhop.v1.InferResponse & tensorhop.v1.InferResponse.$Shape} InferResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorhop.v1.InferResponse & tensorhop.v1.InferResponse.$Shape;

            /**
             * Creates an InferResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns InferResponse
             */
            static fromObject(object: { [k: string]: any }): tensorhop.v1.InferResponse;

            /**
             * Creates a plain object from an InferResponse message. Also converts values to other types if specified.
             * @param message InferResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorhop.v1.InferResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this InferResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace InferResponse {

            /** Properties of an InferResponse. */
            interface $Properties {

                /** InferResponse outputNames */
                outputNames?: (string[]|null);

                /** InferResponse outputTensors */
                outputTensors?: (tensorhop.v1.Tensor.$Properties[]|null);

                /** InferResponse keys */
                keys?: (string[]|null);

                /** InferResponse errors */
                errors?: (tensorhop.v1.RowError.$Properties[]|null);

                /** InferResponse trace */
                trace?: (tensorhop.v1.StageTiming.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an InferResponse. */
            type $Shape = tensorhop.v1.InferResponse.$Properties;
        }

        /**
         * Properties of a IOMetadata.
         * @deprecated Use tensorhop.v1.IOMetadata.$Properties instead.
         */
        interface IIOMetadata extends tensorhop.v1.IOMetadata.$Properties {
        }

        /** Represents a IOMetadata. */
        class IOMetadata {

            /**
             * Constructs a new IOMetadata.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorhop.v1.IOMetadata.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** IOMetadata name. */
            name: string;

            /** IOMetadata description. */
            description: string;

            /** IOMetadata shape. */
            shape: number[];

            /** IOMetadata type. */
            type: tensorhop.v1.DType;

            /**
             * Creates a new IOMetadata instance using the specified properties.
             * @param [properties] Properties to set
             * @returns IOMetadata instance
             */
            static create(properties: tensorhop.v1.IOMetadata.$Shape): tensorhop.v1.IOMetadata & tensorhop.v1.IOMetadata.$Shape;
            static create(properties?: tensorhop.v1.IOMetadata.$Properties): tensorhop.v1.IOMetadata;

            /**
             * Encodes the specified IOMetadata message. Does not implicitly {@link tensorhop.v1.IOMetadata.verify|verify} messages.
             * @param message IOMetadata message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorhop.v1.IOMetadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a IOMetadata message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorhop.v1.IOMetadata & tensorhop.v1.IOMetadata.$Shape} IOMetadata
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorhop.v1.IOMetadata & tensorhop.v1.IOMetadata.$Shape;

            /**
             * Creates a IOMetadata message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns IOMetadata
             */
            static fromObject(object: { [k: string]: any }): tensorhop.v1.IOMetadata;

            /**
             * Creates a plain object from a IOMetadata message. Also converts values to other types if specified.
             * @param message IOMetadata
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorhop.v1.IOMetadata, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this IOMetadata to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace IOMetadata {

            /** Properties of a IOMetadata. */
            interface $Properties {

                /** IOMetadata name */
                name?: (string|null);

                /** IOMetadata description */
                description?: (string|null);

                /** IOMetadata shape */
                shape?: (number[]|null);

                /** IOMetadata type */
                type?: (tensorhop.v1.DType|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a IOMetadata. */
            type $Shape = tensorhop.v1.IOMetadata.$Properties;
        }

        /**
         * Properties of a MetadataResponse.
         * @deprecated Use tensorhop.v1.MetadataResponse.$Properties instead.
         */
        interface IMetadataResponse extends tensorhop.v1.MetadataResponse.$Properties {
        }

        /** Represents a MetadataResponse. */
        class MetadataResponse {

            /**
             * Constructs a new MetadataResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorhop.v1.MetadataResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MetadataResponse name. */
            name: string;

            /** MetadataResponse version. */
            version: string;

            /** MetadataResponse server. */
            server: string;

            /** MetadataResponse description. */
            description: string;

            /** MetadataResponse inputs. */
            inputs: tensorhop.v1.IOMetadata.$Properties[];

            /** MetadataResponse outputs. */
            outputs: tensorhop.v1.IOMetadata.$Properties[];

            /** MetadataResponse defaultNext. */
            defaultNext: string;

            /** MetadataResponse preprocess. */
            preprocess: string;

            /**
             * Creates a new MetadataResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MetadataResponse instance
             */
            static create(properties: tensorhop.v1.MetadataResponse.$Shape): tensorhop.v1.MetadataResponse & tensorhop.v1.MetadataResponse.$Shape;
            static create(properties?: tensorhop.v1.MetadataResponse.$Properties): tensorhop.v1.MetadataResponse;

            /**
             * Encodes the specified MetadataResponse message. Does not implicitly {@link tensorhop.v1.MetadataResponse.verify|verify} messages.
             * @param message MetadataResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorhop.v1.MetadataResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MetadataResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorhop.v1.MetadataResponse & tensorhop.v1.MetadataResponse.$Shape} MetadataResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorhop.v1.MetadataResponse & tensorhop.v1.MetadataResponse.$Shape;

            /**
             * Creates a MetadataResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MetadataResponse
             */
            static fromObject(object: { [k: string]: any }): tensorhop.v1.MetadataResponse;

            /**
             * Creates a plain object from a MetadataResponse message. Also converts values to other types if specified.
             * @param message MetadataResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorhop.v1.MetadataResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MetadataResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace MetadataResponse {

            /** Properties of a MetadataResponse. */
            interface $Properties {

                /** MetadataResponse name */
                name?: (string|null);

                /** MetadataResponse version */
                version?: (string|null);

                /** MetadataResponse server */
                server?: (string|null);

                /** MetadataResponse description */
                description?: (string|null);

                /** MetadataResponse inputs */
                inputs?: (tensorhop.v1.IOMetadata.$Properties[]|null);

                /** MetadataResponse outputs */
                outputs?: (tensorhop.v1.IOMetadata.$Properties[]|null);

                /** MetadataResponse defaultNext */
                defaultNext?: (string|null);

                /** MetadataResponse preprocess */
                preprocess?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MetadataResponse. */
            type $Shape = tensorhop.v1.MetadataResponse.$Properties;
        }
    }
}
